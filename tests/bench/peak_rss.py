"""Run a script or ``-m module`` and write this process's own peak RSS (VmHWM, KiB) to
the file named by ``$PEAK_RSS_FILE`` at exit.

``ru_maxrss`` from ``wait4`` is no good here: Linux carries the high-water mark of the
forking process across ``exec``, so a child of a big pytest process reports pytest's
size. VmHWM belongs to the new address space only.
"""

import atexit
import os
import runpy
import sys


def _report() -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["PEAK_RSS_FILE"], "w", encoding="ascii") as out:
        out.write(kib)


atexit.register(_report)
target = sys.argv[1]
if target == "-m":
    sys.argv = [sys.argv[2], *sys.argv[3:]]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    sys.argv = sys.argv[1:]
    runpy.run_path(target, run_name="__main__")
