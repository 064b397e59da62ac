data = list(range(10))
if (n := len(data)) > 5:
    print("long", n)
print(data[2:8:2], data[::-1][:3], data[-3:])
print(1 < 2 < 3, 1 < 3 < 2, 2 == 2 > 1)
s = "hello world"
print(s[1:4], s[::2], s[-5:])
i = 0
while (i := i + 1) < 5:
    pass
print(i)
print([y for x in range(5) if (y := x * x) > 4])
