"""The benchmark suite's quick mode runs, so that no benchmark rots (no timing is asserted)."""

from benchmarks.run import main


def test_quick_benchmarks_run(capsys):
    assert main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "porkchop 20x20 Earth-Mars" in out and "boinor targetting_vec" in out
    assert "pareto 20k vs 10k cases" in out and "former filter on 1,000 cases" in out
