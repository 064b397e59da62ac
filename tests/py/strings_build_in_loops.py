parts = []
for i in range(5):
    parts.append(str(i) * i)
s = ""
for p in parts:
    s += p + ","
print(s, len(s), "-".join(parts))
d = {}
for w in "a b c a b a".split():
    d[w] = d.get(w, 0) + 1
print(d)
