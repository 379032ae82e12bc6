// The growth engine in the browser: z-scores, Permenkes 2/2020 status and KMS N/T/O/B, step for
// step as visits/growth/ (indices.py, zscore.py, tables.py, status.py, kms.py), with the tables and
// rules the server generates from that engine (/offline/who.json, offline/growth_data.py).
// Results on the phone are "sementara": the server recomputes them on sync.
// offline/tests/test_growth_parity.py runs both on the same 100,000 measurements.
(function () {
  "use strict";
  const INDICES = ["bbu", "pbu", "bbpb", "imtu", "lku", "lilau"];
  const UNKNOWN = 0, LYING = 1, STANDING = 2;
  let D = null;

  function rint(x) { // numpy's round half to even
    const f = Math.floor(x), d = x - f;
    if (d < 0.5) { return f; }
    if (d > 0.5) { return f + 1; }
    return f % 2 === 0 ? f : f + 1;
  }
  function positive(v) { return v > 0 ? v : NaN; }

  function at(t, sex, x) {
    const row = t.M[sex];
    const i = rint((x - t.start) / t.step);
    if (!(sex === 0 || sex === 1) || !isFinite(i) || i < 0 || i >= row.length) { return [NaN, NaN, NaN]; }
    return [t.L[sex][i], t.M[sex][i], t.S[sex][i]];
  }
  function interpolated(t, sex, low, fraction) {
    const lo = at(t, sex, low);
    if (!(fraction > 0)) { return lo; }
    const up = at(t, sex, low + t.step);
    return [0, 1, 2].map(function (k) { return lo[k] + fraction * (up[k] - lo[k]); });
  }
  function lmsZ(X, lms) {
    const L = lms[0], M = lms[1], S = lms[2];
    return Math.abs(L) < 1e-12 ? Math.log(X / M) / S : (Math.pow(X / M, L) - 1) / (L * S);
  }
  function valueAt(z, lms) {
    const L = lms[0], M = lms[1], S = lms[2];
    return Math.abs(L) < 1e-12 ? M * Math.exp(S * z) : M * Math.pow(1 + L * S * z, 1 / L);
  }
  function lmsZRestricted(X, lms) {
    const z = lmsZ(X, lms);
    if (z > 3) {
      const sd3 = valueAt(3, lms), sd2 = valueAt(2, lms);
      return 3 + (X - sd3) / (sd3 - sd2);
    }
    if (z < -3) {
      const sd3 = valueAt(-3, lms), sd2 = valueAt(-2, lms);
      return -3 + (X - sd3) / (sd2 - sd3);
    }
    return z;
  }
  function table(name) { return D.tables[name]; }

  function correctedLength(age, length, position) {
    const months = age / D.days_per_month, day = Math.floor(age + 0.5);
    let pos = position;
    if (pos === STANDING && months < 9) { pos = UNKNOWN; }
    if (day < D.length_until_days && pos === STANDING) { return length + D.standing_cm; }
    if (day >= D.length_until_days && pos === LYING) { return length - D.standing_cm; }
    return length;
  }

  function underFive(sex, age, weight, length, head, muac) {
    const day = Math.floor(age + 0.5);
    const z = {
      bbu: lmsZRestricted(weight, at(table("wfa_0_5"), sex, day)),
      pbu: lmsZ(length, at(table("lhfa_0_5"), sex, day)),
      imtu: lmsZRestricted(weight / ((length / 100) * (length / 100)), at(table("bfa_0_5"), sex, day)),
      lku: lmsZ(head, at(table("hcfa_0_5"), sex, day)),
      lilau: lmsZRestricted(muac, at(table("acfa_0_5"), sex, day)),
    };
    const low = Math.trunc(length * 10) / 10, fraction = (length - low) / 0.1;
    const byLength = day < D.length_until_days;
    const inRange = byLength ? length >= 45 && length <= 110 : length >= 65 && length <= 120;
    z.bbpb = !inRange ? NaN : lmsZRestricted(weight, interpolated(table(byLength ? "wfl_0_2" : "wfh_2_5"), sex, low,
                                                                  fraction));
    return z;
  }

  function fiveToNineteen(sex, months, weight, height) {
    const low = Math.trunc(months), fraction = months - low;
    return {
      pbu: lmsZ(height, interpolated(table("hfa_5_19"), sex, low, fraction)),
      bbu: months < 121 ? lmsZRestricted(weight, interpolated(table("wfa_5_10"), sex, low, fraction)) : NaN,
      imtu: lmsZRestricted(weight / ((height / 100) * (height / 100)),
                           interpolated(table("bfa_5_19"), sex, low, fraction)),
      bbpb: NaN, lku: NaN, lilau: NaN,
    };
  }

  // One measurement: sex 1/2, age in days, position LYING/STANDING/UNKNOWN; missing values NaN.
  function compute(sex, ageDays, weightKg, lengthCm, position, headCm, muacCm) {
    const s = sex === 1 || sex === 2 ? sex - 1 : -1;
    const months = ageDays / D.days_per_month;
    const weight = positive(weightKg), head = positive(headCm), muac = positive(muacCm);
    const length = correctedLength(ageDays, positive(lengthCm), position);
    let z = null;
    if (ageDays >= 0 && months < 60) { z = underFive(s, ageDays, weight, length, head, muac); }
    else if (months >= 60 && months < 229) { z = fiveToNineteen(s, months, weight, positive(lengthCm)); }
    const out = { z: {}, flags: {} };
    INDICES.forEach(function (name) {
      const value = z && isFinite(z[name]) ? z[name] : NaN;
      const rounded = rint(value * 100) / 100;
      out.z[name] = value;
      out.flags[name] = rounded < D.flags[name][0] || rounded > D.flags[name][1];
    });
    return out;
  }

  function classify(z, rule) {
    if (z === null || isNaN(z)) { return null; }
    for (let i = 0; i < rule.length; i++) {
      const bound = rule[i][0] === null ? Infinity : rule[i][0];
      if (z < bound || (rule[i][1] && z === bound)) { return rule[i][2]; }
    }
    return rule[rule.length - 1][2];
  }

  function statuses(z, ageDays) {
    return {
      bbu: classify(z.bbu, D.status.bbu), pbu: classify(z.pbu, D.status.pbu), bbpb: classify(z.bbpb, D.status.bbpb),
      imtu: classify(z.imtu, ageDays / D.days_per_month < 60 ? D.status.bbpb : D.status.imtu_5_18),
    };
  }

  function completedMonths(born, on) { // registry.lifecycle.completed_months on "yyyy-mm-dd"
    const b = born.split("-").map(Number), o = on.split("-").map(Number);
    return (o[0] - b[0]) * 12 + (o[1] - b[1]) - (o[2] < b[2] ? 1 : 0);
  }
  function monthOf(day) { return day.slice(0, 7); }
  function previousMonth(day) {
    const y = Number(day.slice(0, 4)), m = Number(day.slice(5, 7));
    return m === 1 ? (y - 1) + "-12" : y + "-" + String(m - 1).padStart(2, "0");
  }

  // This month's KMS code (visits.growth.kms.kms_history, the month of `today`) from the weighings
  // of the day's download: [date, kg, stored code]; `older`: weighed before those months.
  function kms(born, today, kg, weighings, older) {
    const earlier = weighings.filter(function (w) { return monthOf(w[0]) < monthOf(today); });
    const last = earlier.filter(function (w) { return monthOf(w[0]) === previousMonth(today); }).pop();
    if (!earlier.length && !older) { return { code: "B", twoT: false }; }
    if (!last) { return { code: "O", twoT: false }; }
    const gain = rint((kg - last[1]) * 1000);
    const months = completedMonths(born, today);
    const kbm = months < 1 ? D.kbm["1"] : (D.kbm[String(months)] || D.kbm_from_11);
    const code = gain >= kbm ? "N" : "T";
    return { code: code, twoT: code === "T" && last[2] === "T", gain: gain, kbm: kbm };
  }

  function text(z) { return isNaN(z) ? null : z.toFixed(2).replace(".", ","); }
  function number(value) { return value === undefined || value === "" ? NaN : parseFloat(String(value).replace(",", ".")); }

  // Meja 3 on the phone, for a person's typed meja 2 values: z-scores, status, flags and (for a
  // balita weighed validly, as visits/results/measurement.py) the KMS code with its referral reasons.
  function assess(p, data, state) {
    const today = state.day.tanggal;
    const age = Math.round((Date.parse(today) - Date.parse(p.lahir)) / 864e5);
    const out = { age: age, z: {}, flags: {}, status: {}, kms: null };
    if (!D || age / D.days_per_month >= 229) { return out; }
    const kg = number(data.berat_kg);
    const r = compute(p.jk === "L" ? 1 : 2, age, kg, number(data.tinggi_cm), Number(data.cara_ukur || 0),
                      number(data.lingkar_kepala_cm), number(data.lila_cm));
    Object.assign(out, { z: r.z, flags: r.flags, status: statuses(r.z, age) });
    const R = D.rujukan; // absent from a who.json kept from before the referral rules came
    const balitaMonth = R && completedMonths(p.lahir, today.slice(0, 8) + "01") < R.balita_until_months;
    if (balitaMonth && age / D.days_per_month < R.kms_until_months && !isNaN(kg) && !r.flags.bbu) {
      const mine = state.day.timbang.filter(function (w) { return w[0] === p.id; }).map(function (w) {
        return [w[1], w[2], w[4]];
      });
      const k = kms(p.lahir, today, kg, mine, (state.day.timbang_lama || []).indexOf(p.id) >= 0);
      out.kms = window.ReferralRules.assessKms(k.code, k.twoT, isNaN(r.z.bbu) ? null : r.z.bbu, R);
    }
    return out;
  }

  function summary(result) {
    if (!D) { return [["Hasil", "dihitung saat sinkron"]]; }
    const rows = [];
    [["bbu", "BB/U"], ["pbu", "PB/U atau TB/U"], ["bbpb", "BB/PB atau BB/TB"], ["imtu", "IMT/U"], ["lku", "LK/U"],
     ["lilau", "LiLA/U"]].forEach(function (pair) {
      const z = result.z[pair[0]];
      if (z === undefined || text(z) === null) { return; }
      rows.push(["z " + pair[1], text(z) + (result.status[pair[0]] ? " · " + result.status[pair[0]] : "") +
                 (result.flags[pair[0]] ? " · tidak masuk akal, periksa lagi" : "")]);
    });
    const k = result.kms;
    if (k) { rows.push(["KMS", k.code + (k.twoT ? " · 2T" : "") + (k.bgm ? " · BGM" : "")]); }
    return rows;
  }

  window.GrowthEngine = { load: function (data) { D = data; }, loaded: function () { return D !== null; },
                          referralData: function () { return D && D.rujukan; },
                          compute: compute, statuses: statuses, rint: rint, kms: kms, assess: assess, summary: summary,
                          UNKNOWN: UNKNOWN, LYING: LYING, STANDING: STANDING };
})();
