def f(n):
    try:
        print("try", n)
        if n == 1:
            raise ValueError("one")
        if n == 2:
            return "returned"
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    return "end"


for i in range(3):
    print(f(i))

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)

while True:
    try:
        break
    finally:
        print("break through finally")
