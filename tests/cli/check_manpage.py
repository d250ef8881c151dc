"""The man page is the command's --help: check_manpage.py CLI MANPAGE.  Every
long option --help lists is in the man page, and so are the exit statuses."""
import re
import subprocess
import sys

cli, manpage = sys.argv[1], sys.argv[2]
help_text = subprocess.run([cli, "--help"], capture_output=True, text=True, check=True).stdout
with open(manpage, encoding="utf-8") as f:
    # roff escapes out: \- is '-', \& and \/ are nothing, \fB \fR \fI change fonts.
    page = re.sub(r"\\f[A-Z]|\\&|\\/", "", f.read()).replace("\\-", "-")
missing = [opt for opt in sorted(set(re.findall(r"--[a-z][a-z0-9.-]*", help_text))) if opt not in page]
if not page.startswith(".\\\"") or ".TH POSTPARSE" not in page:
    sys.exit("not a man page: " + manpage)
if missing or "Exit status" not in page:
    sys.exit("the man page lacks %s" % (missing or ["the exit statuses"]))
print("ok")
