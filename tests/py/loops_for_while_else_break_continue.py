for i in range(5):
    if i == 3:
        break
    if i == 1:
        continue
    print(i)
else:
    print("no break")
for i in []:
    pass
else:
    print("else runs when not broken")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
total = 0
for x in range(10_000):
    total += x * x
print(total)
for a, b in [(1, 2), (3, 4)]:
    print(a + b, end=" ")
print()
