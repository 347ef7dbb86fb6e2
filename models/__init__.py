"""OpenMDAO physics components of the toolkit, one discipline per subpackage.

``models`` knows nothing of study files, CLI or plots: components take options for structure
(sizes, method choices) and inputs for anything a sweep, optimizer or sensitivity study may vary.
"""
