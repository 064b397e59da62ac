# Dict and string building: keys made with f-strings, counted, joined.
counts = {}
for i in range(300_000):
    key = f"k{i % 1000}"
    counts[key] = counts.get(key, 0) + 1
parts = []
for k, v in counts.items():
    parts.append(k + "=" + str(v))
text = ",".join(parts)
print(len(counts), len(text))
