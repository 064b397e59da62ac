#!/usr/bin/env python3
# countsync.py (Real Python "Async IO in Python: A Complete Walkthrough"):
# the synchronous version of countasync.py, with blocking time.sleep.

import time


def count():
    print("One")
    time.sleep(1)
    print("Two")


def main():
    for _ in range(3):
        count()


if __name__ == "__main__":
    s = time.perf_counter()
    main()
    elapsed = time.perf_counter() - s
    print(f"countsync.py executed in {elapsed:0.2f} seconds.")
