// Raptor 2 from Debian's libraptor2-dev (pkg-config `raptor2` adds -I/usr/include/raptor2).
#include <raptor2.h>
