/* A stand-in for Windows Terminal's wt.exe, for the launchers' check in
   package-check: it writes the command line it was started with to the file that
   TCT_WT_LOG names, and ends. */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

int main(void) {
  const char *log = getenv("TCT_WT_LOG");
  FILE *f;
  if (!log) return 2;
  f = fopen(log, "w");
  if (!f) return 3;
  fputs(GetCommandLineA(), f);
  fclose(f);
  return 0;
}
