"""What each partner provides and pays per year, given the work shares of every cost item."""

from __future__ import annotations

import numpy as np
import openmdao.api as om


class PartnerContributions(om.ExplicitComponent):
    """Contributions, payments and the quantities the partnership rules constrain.

    For item ``i``, partner ``p`` and year ``y`` (shares ``s[i, p]`` sum to one over ``p``)::

        provides[p, y] = sum_i s[i, p] (f_p k_i built[i, y] + c_p leo[i, y] + bought[i, y])

    ``f_p`` is the partner's cost factor on what it builds, ``k_i`` the coordination overhead of
    item ``i``, ``c_p`` the price per kg in the launch orbit on the vehicles the partner launches
    on (one price for all under an open launch market), ``built`` the development, production
    and operations spend of the item and ``bought`` what is bought at a quoted price (crew launches).

    Payments follow the split rule: ``contribution`` (barter: each pays what it provides) or
    ``fixed_key`` (each pays ``key_p`` of every year's total; the difference is cash between
    partners). Outputs for the rules: ``share_sum`` (one per item), ``work_share`` (each partner's
    share of all that is provided over the campaign), ``return_low`` / ``return_high``
    (``provided - bound x paid``, the return coefficient of ESA's geographic return written
    linearly), ``barred_overlap`` (``s[i, p] s[i, q]`` for each barred pair, zero when they do not
    work together) and ``launch_mass`` (mass in the launch orbit each partner launches).
    """

    def initialize(self):
        self.options.declare("num_items", types=int)
        self.options.declare("num_partners", types=int)
        self.options.declare("num_years", types=int)
        self.options.declare("key", default=None, allow_none=True, desc="fixed-key payment fractions, or None for contribution")
        self.options.declare("return_bounds", default=(1.0, 1.0), desc="(low, high) return coefficient bounds")
        self.options.declare("barred_pairs", default=(), desc="pairs of partner indices that may not share an item")

    def setup(self):
        k, p, n = self.options["num_items"], self.options["num_partners"], self.options["num_years"]
        self.add_input("shares", val=np.full((k, p), 1.0 / p), units="unitless")
        self.add_input("overhead_factor", val=np.ones(k), units="unitless")
        self.add_input("cost_factor", val=np.ones(p), units="unitless")
        self.add_input("launch_price_per_kg", val=np.zeros(p), units="MUSD/kg")
        self.add_input("built", val=np.zeros((k, n)), units="MUSD")
        self.add_input("bought", val=np.zeros((k, n)), units="MUSD")
        self.add_input("leo_mass", val=np.zeros((k, n)), units="kg")
        self.add_output("provides", val=np.zeros((p, n)), units="MUSD")
        self.add_output("pays", val=np.zeros((p, n)), units="MUSD")
        self.add_output("total_cost", val=np.zeros(n), units="MUSD", desc="per year, all partners")
        self.add_output("life_cycle_cost", val=0.0, units="MUSD", desc="sum over the campaign, base-year dollars")
        self.add_output("provided_total", val=np.zeros(p), units="MUSD")
        self.add_output("paid_total", val=np.zeros(p), units="MUSD")
        self.add_output("work_share", val=np.zeros(p), units="unitless")
        self.add_output("return_low", val=np.zeros(p), units="MUSD")
        self.add_output("return_high", val=np.zeros(p), units="MUSD")
        self.add_output("share_sum", val=np.ones(k), units="unitless")
        self.add_output("barred_overlap", val=np.zeros(max(1, k * len(self.options["barred_pairs"]))), units="unitless")
        self.add_output("launch_mass", val=np.zeros((p, n)), units="kg")
        money = ["provides", "pays", "total_cost", "life_cycle_cost", "provided_total", "paid_total", "work_share", "return_low", "return_high"]
        inputs = ["shares", "overhead_factor", "cost_factor", "launch_price_per_kg", "built", "bought", "leo_mass"]
        self.declare_partials(money, inputs)
        self.declare_partials(["share_sum", "barred_overlap"], "shares")
        self.declare_partials("launch_mass", ["shares", "leo_mass"])

    # linear maps from provides (p*n) to the outputs derived from it
    def _maps(self):
        p, n = self.options["num_partners"], self.options["num_years"]
        key = self.options["key"]
        identity = np.eye(p * n)
        pay = identity if key is None else np.kron(np.outer(np.asarray(key, float), np.ones(p)), np.eye(n))
        per_partner_sum = np.kron(np.eye(p), np.ones((1, n)))  # (p, p*n)
        per_year_sum = np.kron(np.ones((1, p)), np.eye(n))  # (n, p*n)
        return pay, per_partner_sum, per_year_sum

    def _provides_jacobians(self, inputs, with_jacobians=True):
        """provides[p, y] and its jacobian with respect to every input (dense, flattened)."""
        k, p, n = self.options["num_items"], self.options["num_partners"], self.options["num_years"]
        s, ko, f, c = inputs["shares"], inputs["overhead_factor"], inputs["cost_factor"], inputs["launch_price_per_kg"]
        built, bought, leo = inputs["built"], inputs["bought"], inputs["leo_mass"]
        unit = f[None, :, None] * ko[:, None, None] * built[:, None, :] + c[None, :, None] * leo[:, None, :] + bought[:, None, :]  # (k, p, n)
        provides = np.einsum("ip,ipy->py", s, unit)
        jac = {}
        if not with_jacobians:
            return provides, jac
        d_s = np.zeros((p, n, k, p))
        for q in range(p):
            d_s[q, :, :, q] = unit[:, q, :].T
        jac["shares"] = d_s.reshape(p * n, k * p)
        jac["overhead_factor"] = np.einsum("ip,p,iy->pyi", s, f, built).reshape(p * n, k)
        d_f = np.zeros((p, n, p))
        d_c = np.zeros((p, n, p))
        for q in range(p):
            d_f[q, :, q] = np.einsum("i,i,iy->y", s[:, q], ko, built)
            d_c[q, :, q] = s[:, q] @ leo
        jac["cost_factor"], jac["launch_price_per_kg"] = d_f.reshape(p * n, p), d_c.reshape(p * n, p)
        eye_n = np.eye(n)
        jac["built"] = np.einsum("ip,p,i,yz->pyiz", s, f, ko, eye_n).reshape(p * n, k * n)
        jac["bought"] = np.einsum("ip,yz->pyiz", s, eye_n).reshape(p * n, k * n)
        jac["leo_mass"] = np.einsum("ip,p,yz->pyiz", s, c, eye_n).reshape(p * n, k * n)
        return provides, jac

    def compute(self, inputs, outputs):
        self._compute(inputs, outputs, None)

    def compute_partials(self, inputs, partials):
        self._compute(inputs, {}, partials)

    def _compute(self, inputs, outputs, partials):
        k, p, n = self.options["num_items"], self.options["num_partners"], self.options["num_years"]
        low, high = self.options["return_bounds"]
        provides, jac = self._provides_jacobians(inputs, with_jacobians=partials is not None)
        pay, per_partner, per_year = self._maps()
        flat = provides.ravel()
        pays = pay @ flat
        provided_total, paid_total = per_partner @ flat, per_partner @ pays
        lcc = flat.sum()
        safe_lcc = lcc if lcc > 0 else 1.0
        s = inputs["shares"]
        pairs = self.options["barred_pairs"]
        if partials is None:
            outputs["provides"] = provides
            outputs["pays"] = pays.reshape(p, n)
            outputs["total_cost"] = per_year @ flat
            outputs["life_cycle_cost"] = lcc
            outputs["provided_total"], outputs["paid_total"] = provided_total, paid_total
            outputs["work_share"] = provided_total / safe_lcc
            outputs["return_low"] = provided_total - low * paid_total
            outputs["return_high"] = provided_total - high * paid_total
            outputs["share_sum"] = s.sum(axis=1)
            outputs["barred_overlap"] = np.array([s[i, a] * s[i, b] for (a, b) in pairs for i in range(k)]) if pairs else np.zeros(1)
            outputs["launch_mass"] = s.T @ inputs["leo_mass"]
            return
        for name, j in jac.items():
            partials["provides", name] = j
            partials["pays", name] = pay @ j
            partials["total_cost", name] = per_year @ j
            d_lcc = j.sum(axis=0)
            partials["life_cycle_cost", name] = d_lcc
            d_prov, d_paid = per_partner @ j, per_partner @ pay @ j
            partials["provided_total", name] = d_prov
            partials["paid_total", name] = d_paid
            partials["work_share", name] = d_prov / safe_lcc - np.outer(provided_total, d_lcc) / safe_lcc**2
            partials["return_low", name] = d_prov - low * d_paid
            partials["return_high", name] = d_prov - high * d_paid
        partials["share_sum", "shares"] = np.kron(np.eye(k), np.ones((1, p)))
        d_overlap = np.zeros((max(1, k * len(pairs)), k * p))
        for m, (a, b) in enumerate(pairs):
            for i in range(k):
                d_overlap[m * k + i, i * p + a] = s[i, b]
                d_overlap[m * k + i, i * p + b] = s[i, a]
        partials["barred_overlap", "shares"] = d_overlap
        d_mass_s = np.zeros((p, n, k, p))
        for q in range(p):
            d_mass_s[q, :, :, q] = inputs["leo_mass"].T
        partials["launch_mass", "shares"] = d_mass_s.reshape(p * n, k * p)
        partials["launch_mass", "leo_mass"] = np.einsum("ip,yz->pyiz", s, np.eye(n)).reshape(p * n, k * n)
