# argparse: positionals and options, types, defaults, choices, nargs, the
# actions, groups, subcommands; --help output; errors (usage and
# "error:" on stderr, exit status 2) caught as SystemExit.
import argparse


def build():
    parser = argparse.ArgumentParser(
        prog="fetcher",
        description="Fetch a few pages concurrently and report how long each took. "
                    "The description is long enough to wrap.",
        epilog="Example: fetcher -n 3 a.example b.example")
    parser.add_argument("urls", nargs="+", metavar="URL", help="pages to fetch")
    parser.add_argument("-n", "--concurrency", type=int, default=2, help="tasks at once (default: %(default)s)")
    parser.add_argument("-t", "--timeout", type=float, default=1.5, help="seconds before giving up")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every step")
    parser.add_argument("-q", "--quiet", action="count", default=0, help="less output; repeat for even less")
    parser.add_argument("--mode", choices=["fast", "slow"], default="fast", help="pacing")
    parser.add_argument("--header", action="append", default=[], help="extra header, may repeat")
    parser.add_argument("--version", action="version", version="%(prog)s 1.0")
    return parser


def attempt(parser, argv):
    print("args:", argv)
    try:
        print(parser.parse_args(argv))
    except SystemExit as e:
        print("SystemExit", e.code)


parser = build()
attempt(parser, ["a.example"])
attempt(parser, ["a", "b", "-n", "3", "-v", "--timeout=0.25", "-qq", "--mode", "slow"])
attempt(parser, ["--header", "X: 1", "a", "--header", "Y: 2", "-vq"])
attempt(parser, ["-n5", "--conc", "4", "--", "-not-an-option"])
attempt(parser, ["--help"])
attempt(parser, ["--version"])
attempt(parser, [])
attempt(parser, ["a", "-n", "many"])
attempt(parser, ["a", "--mode", "medium"])
attempt(parser, ["a", "--timeout"])
attempt(parser, ["a", "--unknown", "x"])
attempt(parser, ["a", "--verbose=yes"])

args = parser.parse_args(["one", "two"])
print(args.urls, args.concurrency, args.timeout, args.verbose, args.quiet, args.mode, vars(args))
print(argparse.Namespace(a=1, b="x"), argparse.Namespace(a=1) == argparse.Namespace(a=1), "a" in args)

small = argparse.ArgumentParser(prog="calc")
small.add_argument("x", type=float)
small.add_argument("y", type=float, nargs="?", default=10.0)
small.add_argument("--op", choices=["add", "mul"], required=True)
group = small.add_mutually_exclusive_group()
group.add_argument("--round", action="store_true")
group.add_argument("--exact", action="store_true")
attempt(small, ["2", "--op", "mul"])
attempt(small, ["2", "3"])
attempt(small, ["-h"])
attempt(small, ["2", "--op", "add", "--round", "--exact"])
attempt(small, ["-1.5", "--op", "add"])
print(small.format_usage(), end="")

tool = argparse.ArgumentParser(prog="tool")
tool.add_argument("--dry-run", action="store_true")
sub = tool.add_subparsers(dest="command", help="what to do")
add = sub.add_parser("add", help="add numbers")
add.add_argument("numbers", nargs="+", type=int)
rm = sub.add_parser("remove", aliases=["rm"], help="remove an item")
rm.add_argument("name")
attempt(tool, ["add", "1", "2", "3"])
attempt(tool, ["--dry-run", "rm", "thing"])
attempt(tool, ["-h"])
attempt(tool, ["add", "-h"])
attempt(tool, ["delete"])

flags = argparse.ArgumentParser(prog="flags", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
flags.add_argument("--color", action=argparse.BooleanOptionalAction, default=True, help="colour output")
flags.add_argument("--size", type=int, default=3, help="size")
flags.add_argument("--pair", nargs=2, metavar=("LEFT", "RIGHT"), help="two values")
attempt(flags, ["--no-color", "--pair", "a", "b"])
attempt(flags, ["--help"])
attempt(flags, ["--pair", "a"])
try:
    flags.add_argument("--size")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
