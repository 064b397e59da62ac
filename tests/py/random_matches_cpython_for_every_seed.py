# random: CPython's Mersenne Twister, bit-exact: seeds of every kind (ints incl. negative
# and huge, floats, str/bytes with version 1 and 2) and every method; outputs from python3.
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.getrandbits(100))
for s in [0, 1, -1, 2**32, -2**70+5, 12345678901234567890, "hello", b"bytes", bytearray(b"x"), "", 1.5, -2.25, True]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(7), random.getrandbits(33), random.getrandbits(64), random.getrandbits(65))
random.seed("abc", version=1); print(random.random())
random.seed(b"abc", version=1); print(random.random())
random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(-5, 5, 3) for _ in range(10)])
print([random.randrange(10, -10, -4) for _ in range(10)])
print(random.randrange(10**30), random.randrange(-10**25, 10**25, 7))
L = list(range(20)); random.shuffle(L); print(L)
print(random.choice("abcdef"), random.sample(range(100), 10), random.sample("abcdefg", 3))
print(random.sample(range(10**6), 8), random.sample(['a','b','c'], 5, counts=[1,2,3]) if False else random.sample(['a','b','c'], 5, counts=[1,2,3]))
print(random.choices("abc", k=5), random.choices("abc", [1, 2, 3], k=6), random.choices("abc", cum_weights=[0.1, 0.5, 1.0], k=4))
print(random.uniform(1, 10), random.uniform(2.5, 3), random.triangular(), random.triangular(0, 10, 2))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.normalvariate(), random.normalvariate(3, 0.5))
print(random.expovariate(1.5), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.gammavariate(0.5, 1), random.gammavariate(2.5, 1), random.gammavariate(1, 2))
print(random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.randbytes(7), random.randbytes(0), random.randbytes(9))
st = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random())
r = random.Random(123); print(r.random(), r.randint(0, 10**20), type(r).__name__)
r2 = random.Random("seed"); print(r2.random())
for bad in [lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.randrange(1, 5, 0), lambda: random.choice([]), lambda: random.sample({1,2}, 1), lambda: random.seed([1]), lambda: random.sample([1,2], 3), lambda: random.choices("ab", 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class R(random.Random):
    pass
print(R(5).random())
