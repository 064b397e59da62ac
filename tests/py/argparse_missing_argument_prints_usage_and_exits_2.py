# A command-line program run without its required argument: argparse reads
# sys.argv[1:] (empty), prints the usage and the error on stderr and exits
# with status 2. The program name comes from sys.argv[0].
import argparse

parser = argparse.ArgumentParser(description="Greets someone.")
parser.add_argument("name", help="who to greet")
parser.add_argument("--times", type=int, default=1)
print("parsing")
args = parser.parse_args()
print("not reached", args)
