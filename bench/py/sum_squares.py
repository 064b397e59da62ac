# A generator expression summed: the pure-loop row of bench/py/run.py.
print(sum(i * i for i in range(3_000_000)))
