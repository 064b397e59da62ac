# Chess exhibition, asynchronous (Miguel Grinberg's PyCon talk, as retold by
# Real Python): Judit Polgár moves from table to table. Her own thinking is
# still blocking (time.sleep), but while an opponent thinks (asyncio.sleep)
# she plays the other boards: 24 * 5 * 30 s = 1 hour instead of 12.
# Every second is scaled to a millisecond here (compare chess_sync.py).
import asyncio
import time

my_compute_time = 5 / 1000
opponent_compute_time = 55 / 1000
opponents = 24
move_pairs = 30


async def game(x):
    board_start_time = time.perf_counter()
    for i in range(move_pairs):
        # Judit thinks: don't change this to asyncio.sleep, her mind is busy
        time.sleep(my_compute_time)
        print(f"BOARD-{x+1} {i+1} Judit made a move.")
        # The opponent thinks: Judit walks on to the next board meanwhile
        await asyncio.sleep(opponent_compute_time)
        print(f"BOARD-{x+1} {i+1} Opponent made move.")
    elapsed = time.perf_counter() - board_start_time
    print(f"BOARD-{x+1} - >>>>>>>>>>>>>>>>> Finished move in {elapsed:0.2f} secs")
    return elapsed


async def async_io():
    # One coroutine per board, all played at once
    tasks = []
    for i in range(opponents):
        tasks += [game(i)]
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    start_time = time.perf_counter()
    asyncio.run(async_io())
    print(f"Board exhibition finished in {time.perf_counter() - start_time:0.2f} secs.")
