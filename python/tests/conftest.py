import os
import sys

# The package from this checkout (not an installed copy), and the test implementations (impls.py).
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.dirname(HERE), HERE]
