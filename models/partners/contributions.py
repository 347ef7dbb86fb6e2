"""What each partner provides and pays per year, given the work shares of every cost item."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class PartnerContributions(om.ExplicitComponent):
    """What each partner provides per year, and the share rules that are not about money.

    For item ``i``, partner ``p`` and year ``y`` (shares ``s[i, p]`` sum to one over ``p``)::

        provides[p, y] = sum_i s[i, p] (f_p (k_i developed[i, y] + built[i, y]) + c_p leo[i, y] + bought[i, y])

    ``f_p`` is the partner's cost factor on what it builds, ``k_i`` the coordination overhead of
    item ``i`` (a development penalty: it scales ``developed``, the item's development and its
    wraps, not its production ``built``), ``c_p`` the price per kg in the launch
    orbit on the vehicles the partner launches on (one price for all under an open launch
    market), and ``bought`` what is paid as priced (crew launches, contracts, operations at their
    rate). Also ``share_sum`` (one per item), ``barred_overlap`` (``s[i, p] s[i, q]`` for each
    barred pair, zero when they do not work together) and ``launch_mass`` (mass in the launch
    orbit each partner launches). Partials are declared sparse: a year's spend only moves that
    year's contributions.
    """

    def initialize(self):
        self.options.declare("num_items", types=int)
        self.options.declare("num_partners", types=int)
        self.options.declare("num_years", types=int)
        self.options.declare("barred_pairs", default=(), desc="pairs of partner indices that may not share an item")

    def setup(self):
        k, p, n = self.options["num_items"], self.options["num_partners"], self.options["num_years"]
        pairs = self.options["barred_pairs"]
        self.add_input("shares", val=np.full((k, p), 1.0 / p), units="unitless")
        self.add_input("overhead_factor", val=np.ones(k), units="unitless")
        self.add_input("cost_factor", val=np.ones(p), units="unitless")
        self.add_input("launch_price_per_kg", val=np.zeros(p), units="MUSD/kg")
        self.add_input("developed", val=np.zeros((k, n)), units="MUSD")
        self.add_input("built", val=np.zeros((k, n)), units="MUSD")
        self.add_input("bought", val=np.zeros((k, n)), units="MUSD")
        self.add_input("leo_mass", val=np.zeros((k, n)), units="kg")
        self.add_output("provides", val=np.zeros((p, n)), units="MUSD")
        self.add_output("share_sum", val=np.ones(k), units="unitless")
        self.add_output("barred_overlap", val=np.zeros(max(1, k * len(pairs))), units="unitless")
        self.add_output("launch_mass", val=np.zeros((p, n)), units="kg")

        # index grids: (partner, year, item) for provides wrt per-item-year inputs and shares
        pp, yy, ii = np.meshgrid(np.arange(p), np.arange(n), np.arange(k), indexing="ij")
        self._rows = (pp * n + yy).ravel()
        self._cols_item_year = (ii * n + yy).ravel()
        self._cols_share = (ii * p + pp).ravel()
        self._cols_item = ii.ravel()
        self._grid = (pp.ravel(), yy.ravel(), ii.ravel())
        for name in ("developed", "built", "bought", "leo_mass"):
            self.declare_partials("provides", name, rows=self._rows, cols=self._cols_item_year)
        self.declare_partials("provides", "shares", rows=self._rows, cols=self._cols_share)
        self.declare_partials("provides", "overhead_factor", rows=self._rows, cols=self._cols_item)
        py_rows = np.arange(p * n)
        self.declare_partials("provides", ["cost_factor", "launch_price_per_kg"], rows=py_rows, cols=py_rows // n)
        self.declare_partials("launch_mass", "leo_mass", rows=self._rows, cols=self._cols_item_year)
        self.declare_partials("launch_mass", "shares", rows=self._rows, cols=self._cols_share)
        self.declare_partials("share_sum", "shares", rows=np.repeat(np.arange(k), p), cols=np.arange(k * p), val=1.0)
        if pairs:
            rows = np.concatenate([np.repeat(m * k + np.arange(k), 2) for m in range(len(pairs))])
            cols = np.concatenate([np.column_stack((np.arange(k) * p + a, np.arange(k) * p + b)).ravel() for a, b in pairs])
            self.declare_partials("barred_overlap", "shares", rows=rows, cols=cols)

    def compute(self, inputs, outputs):
        s, ko, f, c = inputs["shares"], inputs["overhead_factor"], inputs["cost_factor"], inputs["launch_price_per_kg"]
        built, bought, leo = inputs["built"], inputs["bought"], inputs["leo_mass"]
        own = ko[:, None] * inputs["developed"] + built
        outputs["provides"] = (s * f[None, :]).T @ own + (s * c[None, :]).T @ leo + s.T @ bought
        outputs["share_sum"] = s.sum(axis=1)
        pairs = self.options["barred_pairs"]
        if pairs:
            outputs["barred_overlap"] = np.concatenate([s[:, a] * s[:, b] for a, b in pairs])
        outputs["launch_mass"] = s.T @ leo

    def compute_partials(self, inputs, partials):
        s, ko, f, c = inputs["shares"], inputs["overhead_factor"], inputs["cost_factor"], inputs["launch_price_per_kg"]
        developed, built, bought, leo = inputs["developed"], inputs["built"], inputs["bought"], inputs["leo_mass"]
        own = ko[:, None] * developed + built
        p_, y_, i_ = self._grid
        share = s[i_, p_]
        partials["provides", "developed"] = share * f[p_] * ko[i_]
        partials["provides", "built"] = share * f[p_]
        partials["provides", "bought"] = share
        partials["provides", "leo_mass"] = share * c[p_]
        partials["provides", "shares"] = f[p_] * own[i_, y_] + c[p_] * leo[i_, y_] + bought[i_, y_]
        partials["provides", "overhead_factor"] = share * f[p_] * developed[i_, y_]
        partials["provides", "cost_factor"] = (s.T @ own).ravel()
        partials["provides", "launch_price_per_kg"] = (s.T @ leo).ravel()
        partials["launch_mass", "leo_mass"] = share
        partials["launch_mass", "shares"] = leo[i_, y_]
        pairs = self.options["barred_pairs"]
        if pairs:
            partials["barred_overlap", "shares"] = np.concatenate([np.column_stack((s[:, b], s[:, a])).ravel() for a, b in pairs])


class PartnerPayments(om.ExplicitComponent):
    """Payments under the split rule and the money quantities the partnership rules constrain.

    Each year ``pays[:, y] = M provides[:, y]`` with the option ``payment_matrix`` ``M``: the
    identity for ``contribution`` (barter: each pays what it provides), ``key 1^T`` for
    ``fixed_key`` (each pays ``key_p`` of the year's total; the difference is cash between
    partners; for a coalition that buys from outside partners, the key is its members' and
    covers what it buys). Under the contribution rule a coalition's seller's row is what the
    coalition pays it, from its members' pooled caps. ``work_share`` is each partner's
    share of all that is provided over the campaign; ``return_low`` / ``return_high`` are
    ``provided - bound x paid``, the return coefficient of ESA's geographic return
    (work share / funding share within bounds) written linearly. All outputs but ``work_share``
    are linear in ``provides``, so their partials are constants declared once.
    """

    def initialize(self):
        self.options.declare("num_partners", types=int)
        self.options.declare("num_years", types=int)
        self.options.declare("payment_matrix", default=None, allow_none=True, desc="M in pays = M provides per year; None: identity")
        self.options.declare("return_bounds", default=(1.0, 1.0), desc="(low, high) return coefficient bounds")

    def setup(self):
        p, n = self.options["num_partners"], self.options["num_years"]
        low, high = self.options["return_bounds"]
        matrix = self.options["payment_matrix"]
        matrix = np.eye(p) if matrix is None else np.asarray(matrix, dtype=float)
        self.add_input("provides", val=np.zeros((p, n)), units="MUSD")
        self.add_output("pays", val=np.zeros((p, n)), units="MUSD")
        self.add_output("total_cost", val=np.zeros(n), units="MUSD", desc="per year, all partners")
        self.add_output("life_cycle_cost", val=0.0, units="MUSD", desc="sum over the campaign, base-year dollars")
        self.add_output("provided_total", val=np.zeros(p), units="MUSD")
        self.add_output("paid_total", val=np.zeros(p), units="MUSD")
        self.add_output("work_share", val=np.zeros(p), units="unitless")
        self.add_output("return_low", val=np.zeros(p), units="MUSD")
        self.add_output("return_high", val=np.zeros(p), units="MUSD")
        # the linear maps from provides (p*n, row-major) to each output
        self._pay = np.kron(matrix, np.eye(n))
        self._per_partner = np.kron(np.eye(p), np.ones((1, n)))
        per_year = np.kron(np.ones((1, p)), np.eye(n))
        paid = self._per_partner @ self._pay
        for name, matrix in (
            ("pays", self._pay), ("total_cost", per_year), ("life_cycle_cost", np.ones((1, p * n))),
            ("provided_total", self._per_partner), ("paid_total", paid),
            ("return_low", self._per_partner - low * paid), ("return_high", self._per_partner - high * paid),
        ):
            rows, cols = np.nonzero(matrix)
            if len(rows):  # e.g. provided - paid is identically zero under the contribution rule
                self.declare_partials(name, "provides", rows=rows, cols=cols, val=matrix[rows, cols])
        self.declare_partials("work_share", "provides")

    def compute(self, inputs, outputs):
        low, high = self.options["return_bounds"]
        flat = inputs["provides"].ravel()
        pays = self._pay @ flat
        provided, paid = self._per_partner @ flat, self._per_partner @ pays
        lcc = flat.sum()
        outputs["pays"] = pays.reshape(outputs["pays"].shape)
        outputs["total_cost"] = inputs["provides"].sum(axis=0)
        outputs["life_cycle_cost"] = lcc
        outputs["provided_total"], outputs["paid_total"] = provided, paid
        outputs["work_share"] = provided / (lcc if lcc.real > 0 else 1.0)
        outputs["return_low"] = provided - low * paid
        outputs["return_high"] = provided - high * paid

    def compute_partials(self, inputs, partials):
        flat = inputs["provides"].ravel()
        lcc = flat.sum()
        safe = lcc if lcc > 0 else 1.0
        provided = self._per_partner @ flat
        partials["work_share", "provides"] = self._per_partner / safe - np.outer(provided, np.ones_like(flat)) / safe**2
