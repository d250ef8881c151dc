// `postparse set` and `postparse convert`: edit posts' front matter (or
// write it in another format), changing only the bytes the edit must, and
// print the new post, replace the file (--in-place) or show a diff
// (--dry-run).
//
// Exit status: 0 every file done; 1 a file could not be read, edited or
// replaced (the others are still done); 2 usage error; 4 standard output
// could not be written.
#pragma once

namespace postparse_cli {

// True when `arg` (argv[1]) names an edit subcommand: "set" or "convert".
bool is_edit_command(const char *arg);

// Runs `postparse <argv[0]> ...` (argv[0] the subcommand) and returns the
// exit status.
int edit_main(int argc, char **argv);

}  // namespace postparse_cli
