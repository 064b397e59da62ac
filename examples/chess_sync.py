# Chess exhibition, synchronous (Miguel Grinberg's PyCon talk, as retold by
# Real Python): Judit Polgár plays 24 opponents, one board after the other.
# She makes a move in 5 s, each opponent needs 55 s, a game is 30 move
# pairs: (5 + 55) * 30 * 24 s = 12 hours. Every second is scaled to a
# millisecond here, so the exhibition "takes" 43.2 seconds.
import time

my_compute_time = 5 / 1000
opponent_compute_time = 55 / 1000
opponents = 24
move_pairs = 30


def game(x):
    # Loops 30 times to simulate both players making a move
    board_start_time = time.perf_counter()
    for i in range(move_pairs):
        # Judit thinks: a blocking call, nothing else can happen
        time.sleep(my_compute_time)
        print(f"BOARD-{x+1} {i+1} Judit made a move.")
        # The opponent thinks: Judit just stands there and waits
        time.sleep(opponent_compute_time)
        print(f"BOARD-{x+1} {i+1} Opponent made move.")
    elapsed = time.perf_counter() - board_start_time
    print(f"BOARD-{x+1} - >>>>>>>>>>>>>>>>> Finished move in {elapsed:0.2f} secs")
    return elapsed


if __name__ == "__main__":
    start_time = time.perf_counter()
    # Loops 24 times because we are playing 24 opponents
    for board in range(opponents):
        game(board)
    print(f"Board exhibition finished in {time.perf_counter() - start_time:0.2f} secs.")
