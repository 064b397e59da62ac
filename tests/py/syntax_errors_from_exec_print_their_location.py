try:
    exec("x = (1,")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
exec("def f():\nreturn 1")
