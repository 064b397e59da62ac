# Globals, builtins and module attributes, read and written from functions
# (the VM remembers where it found each name: every change must show).
import math

x = 1


def read():
    return x


def write(v):
    global x
    x = v


print(read())
write(2)
print(read())
g = globals()
g['x'] = 3
print(read())
del g['x']
try:
    read()
except NameError as e:
    print(e)
g['x'] = 4
print(read())
for i in range(100):  # the globals grow (a resize), then shrink
    g['filler%d' % i] = i
print(read())
for i in range(100):
    del g['filler%d' % i]
write(5)
print(read())
g[''.join(['x'])] = 6  # a key that is not the interned name
print(read())


def use_len():
    return len([1, 2])


print(use_len())
g['len'] = lambda s: 'shadowed'
print(use_len())
del g['len']
print(use_len())


def pi():
    return math.pi


def floor():
    return math.floor(2.5)


print(pi(), floor())
math.pi = 3
print(pi())
del math.pi
try:
    pi()
except AttributeError as e:
    print(e)
math.pi = 3.141592653589793
original = math.floor
math.floor = lambda v: 'patched'
print(pi(), floor())
math.floor = original
print(floor())
print(math.__dict__ is vars(math))
