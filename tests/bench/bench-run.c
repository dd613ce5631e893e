/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs one command for run-all and reports its wall time and peak memory:
 *   bench-run OUT ERR COMMAND [ARG…]
 * A process of its own because Linux keeps the largest resident size of a process across exec,
 * the parent's included when it was spawned with vfork: measured from python3, a small peer
 * would read as at least the script's own size. This one is small, so the floor is ~1 MB.
 * Prints start_us (CLOCK_MONOTONIC, as g_get_monotonic_time), seconds, peak_kb and status. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;
  double start, end;
  int status;
  pid_t pid;

  if (argc < 4)
    {
      fprintf (stderr, "usage: bench-run OUT ERR COMMAND [ARG…]\n");
      return 2;
    }
  start = now_us ();
  pid = fork ();
  if (pid == 0)
    {
      int out = open (argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open (argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);

      if (out < 0 || err < 0 || dup2 (out, 1) < 0 || dup2 (err, 2) < 0)
        _exit (126);
      execv (argv[3], argv + 3);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid)
    {
      perror ("bench-run");
      return 1;
    }
  end = now_us ();
  printf ("start_us=%.0f\nseconds=%.6f\npeak_kb=%ld\nstatus=%d\n", start, (end - start) / 1e6,
          usage.ru_maxrss, WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
  return 0;
}
