#!/usr/bin/env python3
# chained.py (Real Python): chained coroutines. The random delays of the
# original (random.seed(444)) are fixed here, per chain, to the values that
# seed gives, so that the C++ twin (chained.cpp) can use the same ones.

import asyncio
import time

PART1_DELAY = {1: 4, 2: 4, 3: 0}
PART2_DELAY = {1: 7, 2: 4, 3: 4}


async def part1(n: int) -> str:
    i = PART1_DELAY[n]
    print(f"part1({n}) sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}.")
    return result


async def part2(n: int, arg: str) -> str:
    i = PART2_DELAY[n]
    print(f"part2{n, arg} sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}.")
    return result


async def chain(n: int) -> None:
    start = time.perf_counter()
    p1 = await part1(n)
    p2 = await part2(n, p1)
    end = time.perf_counter() - start
    print(f"-->Chained result{n} => {p2} (took {end:0.2f} seconds).")


async def main(*args):
    await asyncio.gather(*(chain(n) for n in args))


if __name__ == "__main__":
    args = [1, 2, 3]
    start = time.perf_counter()
    asyncio.run(main(*args))
    end = time.perf_counter() - start
    print(f"Program finished in {end:0.2f} seconds.")
