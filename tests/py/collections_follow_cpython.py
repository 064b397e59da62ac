# collections: deque, defaultdict, Counter, namedtuple, OrderedDict.
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict

d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0); d.rotate(1)
print(d, d.popleft(), d.pop(), len(d), list(reversed(d)), deque())
dd = defaultdict(list)
for word in "apple avocado banana cherry".split():
    dd[word[0]].append(word)
print(dd, dd["z"], sorted(dd))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c.total(), sorted(c.elements()))
c.update("aab"); c.subtract({"r": 2})
print(c, Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5))
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields, isinstance(p, tuple))
x, y = p
print(x, y, p == (1, 2), p[1])
Job = namedtuple("Job", ["name", "prio"], defaults=[0])
print(Job("a"), Job("b", 2))
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od.move_to_end("a"); print(od, od.popitem(), od.popitem(last=False), od)
