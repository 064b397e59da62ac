import sys
try:
    print("working", sys.argv[0].endswith(".py"))
    sys.exit(3)
finally:
    print("finally runs")
