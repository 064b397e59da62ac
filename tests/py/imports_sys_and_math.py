import sys
import math
from math import sqrt as root
print(math.floor(2.5), root(16.0), type(sys.argv).__name__)
