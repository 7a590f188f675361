/// The page's only script, and nothing depends on it: in the SPARQL editor, Ctrl/⌘+Enter runs
/// the query, Tab indents, and after a syntax error the cursor goes to where the error is.
enum Script {
    static let javaScript = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var editor = document.querySelector("textarea[data-sparql]");
          if (!editor) return;
          editor.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (editor.form.requestSubmit) editor.form.requestSubmit(); else editor.form.submit();
            } else if (event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              var start = editor.selectionStart, end = editor.selectionEnd;
              editor.setRangeText("  ", start, end, "end");
            }
          });
          var line = parseInt(editor.getAttribute("data-error-line") || "", 10);
          var column = parseInt(editor.getAttribute("data-error-column") || "", 10);
          if (line > 0 && column > 0) {
            var lines = editor.value.split("\\n"), offset = 0;
            for (var i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
            offset += Math.min(column - 1, (lines[line - 1] || "").length);
            editor.focus();
            editor.setSelectionRange(offset, offset);
          }
        });
        """
}
