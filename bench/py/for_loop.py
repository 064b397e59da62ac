# The same sum as sum_squares.py, as a plain for loop.
total = 0
for i in range(3_000_000):
    total += i * i
print(total)
