// GMime 3 from Debian's libgmime-3.0-dev (pkg-config `gmime-3.0` adds the GMime and GLib include paths).
//
// GObject's type checks and casts are C macros, which Swift does not import: the few the Mail module
// needs are wrapped here as `static inline` functions.
#include <gmime/gmime.h>

static inline gboolean cgmime_is_multipart(GMimeObject *object) { return GMIME_IS_MULTIPART(object); }
static inline gboolean cgmime_is_message_part(GMimeObject *object) { return GMIME_IS_MESSAGE_PART(object); }
static inline gboolean cgmime_is_part(GMimeObject *object) { return GMIME_IS_PART(object); }
static inline gboolean cgmime_is_text_part(GMimeObject *object) { return GMIME_IS_TEXT_PART(object); }
static inline gboolean cgmime_is_mailbox(InternetAddress *address) { return INTERNET_ADDRESS_IS_MAILBOX(address); }
static inline gboolean cgmime_is_group(InternetAddress *address) { return INTERNET_ADDRESS_IS_GROUP(address); }

static inline GMimeObject *cgmime_message_object(GMimeMessage *message) { return GMIME_OBJECT(message); }
static inline GMimeObject *cgmime_part_object(GMimePart *part) { return GMIME_OBJECT(part); }
static inline GMimeObject *cgmime_text_part_object(GMimeTextPart *part) { return GMIME_OBJECT(part); }
static inline GMimePart *cgmime_text_part_part(GMimeTextPart *part) { return GMIME_PART(part); }
static inline GMimePart *cgmime_object_part(GMimeObject *object) { return GMIME_PART(object); }
static inline GMimeTextPart *cgmime_object_text_part(GMimeObject *object) { return GMIME_TEXT_PART(object); }
static inline GMimeMultipart *cgmime_object_multipart(GMimeObject *object) { return GMIME_MULTIPART(object); }
static inline GMimeMessagePart *cgmime_object_message_part(GMimeObject *object) { return GMIME_MESSAGE_PART(object); }
static inline GMimeStreamMem *cgmime_stream_mem(GMimeStream *stream) { return GMIME_STREAM_MEM(stream); }

static inline const char *cgmime_mailbox_address(InternetAddress *address) {
    return internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
}
static inline InternetAddressList *cgmime_group_members(InternetAddress *address) {
    return internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
}
