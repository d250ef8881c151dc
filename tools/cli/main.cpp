#include "cli.h"

int main(int argc, char **argv) { return postparse_cli::cli_main(argc, argv); }
