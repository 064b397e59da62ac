# string: the constants, capwords, Template (substitute, safe_substitute,
# errors) and Formatter.
import string
from string import Template

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace))
print(repr(string.printable), len(string.printable))
print(string.capwords("  hello   wide world  "), string.capwords("a-b c-d", "-"))
print(sum(c in string.punctuation for c in "Hello, world! (really?)"))

t = Template("$who likes ${what}; costs $$5")
print(t.substitute(who="Tim", what="kung pao"), t.substitute({"who": "Ann", "what": "tea"}))
print(t.substitute({"who": "Ann", "what": "tea"}, what="coffee"))
print(t.template, Template.delimiter, t.get_identifiers(), t.is_valid())
print(Template("$a and $b").safe_substitute(a=1), Template("${a}x$1").safe_substitute(a="A"))
try:
    Template("$who and $missing").substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
for text in ["cost: $5", "line one\nbad $ here", "trailing $", "${unclosed"]:
    try:
        Template(text).substitute()
    except ValueError as e:
        print("ValueError:", e)
print(Template("trailing $").is_valid(), Template("x$").safe_substitute())


class Percent(Template):
    delimiter = "%"


print(Percent("%name is %{age}y").substitute(name="Bo", age=3))
print(string.Formatter().format("{0}-{x}", 1, x=2))
