# itertools: the iterators teaching programs use, against CPython's output.
import itertools as it

print(list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle("ab"), 5)))
print(list(it.repeat("x", 3)), list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], initial=10)))
print(list(it.chain([1, 2], (3,), "ab")), list(it.chain.from_iterable([[1], [2, 3]])))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")])
print(list(it.islice(range(10), 2, 8, 3)), list(it.islice("abcdef", 3)))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.product("ab", repeat=2)), list(it.permutations("abc", 2)))
print(list(it.combinations(range(4), 2)), list(it.combinations_with_replacement("ab", 2)))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b), list(it.pairwise("abcd")), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(None, [0, 1, "", "a"])), list(it.compress("abc", [1, 0, 1])))
