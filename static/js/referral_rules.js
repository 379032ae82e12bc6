// The referral rules in the browser: meja 3's reasons ("sementara") step for step as
// visits/referral_rules.py and visits/growth/kms.py assess_month, with the thresholds the server
// sends from visits/rules.py (/offline/who.json "rujukan", offline/referral_data.py).
// offline/tests/test_referral_parity.py runs both on the same generated visits.
(function () {
  "use strict";
  const CHILD = ["bayi_balita", "anak_prasekolah"];

  // Python's f"{value:g}" with a decimal comma (referral_rules._n), for the values a kader types.
  function n(value) { return String(Number(Number(value).toPrecision(6))).replace(".", ","); }
  function has(list, item) { return (list || []).indexOf(item) >= 0; }
  function given(value) { return value !== null && value !== undefined; }

  function completedMonths(born, on) { // registry.lifecycle.completed_months on "yyyy-mm-dd"
    const b = born.split("-").map(Number), o = on.split("-").map(Number);
    return (o[0] - b[0]) * 12 + (o[1] - b[1]) - (o[2] < b[2] ? 1 : 0);
  }
  function years(f) { return f.subject ? Math.floor(completedMonths(f.subject.lahir, f.subject.on) / 12) : null; }

  // visits.growth.kms.assess_month: the month's code with the reasons of the chosen rule.
  function assessKms(code, twoT, zBbu, R) {
    const bgm = given(zBbu) && zBbu < R.bgm_below, aboveOrange = given(zBbu) && zBbu > R.orange_above;
    const reasons = [];
    if (R.kms_rule === "buku_kia") {
      if (code === "T") { reasons.push(twoT ? "2T (tidak naik dua bulan berturut-turut)" : "Berat badan tidak naik (T)"); }
      if (aboveOrange) { reasons.push("Di atas garis oranye"); }
    } else if (twoT) {
      reasons.push("2T (tidak naik dua bulan berturut-turut)");
    }
    if (bgm) { reasons.push("Di bawah garis merah (BGM)"); }
    return { code: code, twoT: twoT, bgm: bgm, aboveOrange: aboveOrange, reasons: reasons };
  }

  const KMS_CODES = [["2T", "2t"], ["Berat", "t"], ["Di atas", "garis_oranye"], ["Di bawah", "bgm"]];

  function child(f, R) {
    const out = [];
    (f.kms ? f.kms.reasons : []).forEach(function (reason) {
      const code = KMS_CODES.find(function (pair) { return reason.indexOf(pair[0]) === 0; });
      out.push([code[1], reason]);
    });
    const wasting = has(f.implausible, "bbpb") ? null : f.status.bbpb;
    if (wasting === "Gizi buruk" || wasting === "Gizi kurang") {
      out.push([wasting === "Gizi buruk" ? "gizi_buruk" : "gizi_kurang", wasting + " (BB/PB atau BB/TB)"]);
    }
    const pbu = f.status.pbu;
    if ((pbu === "Pendek" || pbu === "Sangat pendek") && !has(f.implausible, "pbu")) {
      out.push(["stunting", "Stunting: " + pbu.toLowerCase() + " (PB/U atau TB/U < \u22122 SD)"]);
    }
    const lila = f.measurements.lila_cm, months = f.age_days / R.days_per_month;
    if (given(lila) && months >= 6 && months < R.balita_until_months) {
      if (lila < R.lila_severe_below) {
        out.push(["lila_buruk", "LiLA " + n(lila) + " cm < " + n(R.lila_severe_below) + " cm (gizi buruk)"]);
      } else if (lila < R.lila_moderate_below) {
        out.push(["lila_kurang", "LiLA " + n(lila) + " cm < " + n(R.lila_moderate_below) + " cm (gizi kurang)"]);
      }
    }
    return out;
  }

  // rules.child_blood_pressure: [category, limit] when the child is referred, else null. Under 13:
  // KMK ILP 2023 Tabel 14 (L2999–3089); from 13: Tabel 15 (L3093–3111), referred at tingkat 1 (L3121).
  function childBloodPressure(sistol, diastol, f, R) {
    const y = years(f), high = R.hypertension, stage1 = R.adolescent_hypertension_1;
    if (y >= R.adolescent_from_years) {
      if (sistol >= high[0] || diastol >= high[1]) { return ["Hipertensi tingkat 2", "\u2265 " + high[0] + "/" + high[1]]; }
      if (sistol >= stage1[0] || diastol >= stage1[1]) { return ["Hipertensi tingkat 1", "\u2265 " + stage1[0] + "/" + stage1[1]]; }
      return null;
    }
    const limits = (R.child_bp[f.subject.sex] || R.child_bp.L)[String(y)];
    if (limits && (sistol >= limits[0] || diastol >= limits[1])) {
      return ["Di atas normal untuk umur", "\u2265 " + limits[0] + "/" + limits[1]];
    }
    return null;
  }

  // Adults and ibu hamil: TD ≥ 140/90; under 18 (not pregnant): KMK ILP 2023 Tabel 14–15 (L2995–3111).
  function bloodPressure(f, R) {
    const sistol = f.measurements.sistol, diastol = f.measurements.diastol, y = years(f);
    const isChild = y !== null && y < R.adult_bp_from_years && !has(f.groups, "ibu_hamil");
    if (isChild && f.subject && given(sistol) && given(diastol)) {
      const bp = childBloodPressure(Math.trunc(sistol), Math.trunc(diastol), f, R);
      return bp ? [["td_anak", "TD " + n(sistol) + "/" + n(diastol) + " mmHg " + bp[1] + ": " + bp[0].toLowerCase()]] : [];
    }
    if (!((sistol || 0) >= R.hypertension[0] || (diastol || 0) >= R.hypertension[1])) { return []; }
    const reading = "TD " + n(sistol || 0) + "/" + n(diastol || 0) + " mmHg \u2265 140/90";
    return has(f.groups, "ibu_hamil") ? [["td_hamil", "Ibu hamil dengan " + reading]] : [["hipertensi", reading]];
  }

  // Hb of ibu hamil < 11, of remaja putri < 12 g/dL: referred to the Puskesmas (KMK ILP 2023 L3497).
  function anemia(f, R) {
    const hb = f.measurements.hb, y = years(f);
    if (!given(hb)) { return []; }
    // a pregnant girl is judged by the ibu hamil limit only (rules.hb_anemia_below)
    if (has(f.groups, "ibu_hamil")) {
      return hb < R.hb_anemia_hamil_below
        ? [["anemia_hamil", "Ibu hamil anemia: Hb " + n(hb) + " g/dL < " + n(R.hb_anemia_hamil_below)]] : [];
    }
    const putri = f.subject && f.subject.sex === "P" && y >= R.remaja_putri_years[0] && y < R.remaja_putri_years[1];
    if (putri && hb < R.hb_anemia_remaja_putri_below) {
      return [["anemia_remaja", "Remaja putri anemia: Hb " + n(hb) + " g/dL < " + n(R.hb_anemia_remaja_putri_below)]];
    }
    return [];
  }

  // SDQ borderline/abnormal referred (KMK ILP 2023 L3240); AKS below 20 referred (L5848–5850).
  function questionnaires(f, R) {
    const out = [], sdq = f.services.sdq_skor, aks = f.services.aks_skor, y = years(f);
    if (given(sdq) && y !== null) {
      const bands = y >= R.sdq_self_from_years ? R.sdq_self_bands : R.sdq_parent_bands;
      const band = sdq >= bands[1] ? "Abnormal" : (sdq >= bands[0] ? "Borderline" : "Normal");
      if (band !== "Normal") { out.push(["sdq", "Skor SDQ " + sdq + ": " + band.toLowerCase() + " (masalah kesehatan jiwa)"]); }
    }
    if (given(aks) && aks < R.aks_mandiri) {
      out.push(["aks", "Skor AKS " + aks + ": " + R.aks_categories[Math.max(aks, 0)].toLowerCase()]);
    }
    return out;
  }

  function adultAndMother(f, R) {
    const out = [], lila = f.measurements.lila_cm, gula = f.measurements.gula_darah, s = f.services;
    if (has(f.groups, "ibu_hamil") && given(lila) && lila < R.kek_lila_below) {
      out.push(["kek", "Ibu hamil KEK: LiLA " + n(lila) + " cm < " + n(R.kek_lila_below) + " cm"]);
    }
    if (has(f.groups, "lansia") && given(lila) && lila < R.lansia_lila_below) {
      out.push(["lansia_lila", "Lansia dengan LiLA " + n(lila) + " cm < " + n(R.lansia_lila_below) + " cm (malnutrisi)"]);
    }
    if (given(gula) && gula >= R.gula_darah_refer) {
      out.push(["gula_darah", "Gula darah sewaktu " + n(gula) + " mg/dL \u2265 " + R.gula_darah_refer]);
    }
    if ((s.gejala_tbc || []).length) { out.push(["tbc", "Terduga TBC: ada gejala TBC"]); }
    if ((s.skilas || []).length) { out.push(["skilas", "SKILAS positif (" + s.skilas.length + " item): periksa oleh nakes"]); }
    if ((s.puma_skor || 0) >= R.puma_positive) {
      out.push(["puma", "Skor PUMA " + s.puma_skor + " \u2265 " + R.puma_positive + " (risiko PPOK)"]);
    }
    if ((s.srq20_skor || 0) >= R.srq20_positive) {
      out.push(["srq20", "Skor SRQ-20 " + s.srq20_skor + " \u2265 " + R.srq20_positive]);
    }
    questionnaires(f, R).forEach(function (r) { out.push(r); });
    if (s.tanda_bahaya) { out.push(["tanda_bahaya", "Ada tanda bahaya kehamilan/nifas"]); }
    return out;
  }

  // visits.referral_rules.referral_reasons: [code, reason] of every rule the visit meets, in order.
  // f: {groups, age_days, measurements, status, implausible, kms (assessKms or null), services,
  // subject: {lahir, on, sex}}.
  function reasons(f, R) {
    const out = f.groups.some(function (g) { return has(CHILD, g); }) ? child(f, R) : [];
    return out.concat(bloodPressure(f, R), anemia(f, R), adultAndMother(f, R));
  }

  const MEASURED = ["berat_kg", "tinggi_cm", "lila_cm", "sistol", "diastol", "gula_darah", "hb"];
  const SCORES = ["puma_skor", "srq20_skor", "sdq_skor", "aks_skor"];

  function typed(value) {
    const x = parseFloat(String(value === undefined || value === null ? "" : value).trim().replace(",", "."));
    return isNaN(x) ? null : x;
  }

  // A person's day on the phone as visits/results/measurement.py visit_facts reads it on the
  // server: the typed meja 2 and meja 5 values and the growth engine's result (GrowthEngine.assess).
  function facts(p, groups, today, meja2, meja5, growth) {
    const m = {}, care = meja5 || {}, services = {};
    MEASURED.forEach(function (name) { m[name] = typed((meja2 || {})[name]); });
    SCORES.forEach(function (name) { services[name] = typed(care[name]); });
    services.gejala_tbc = care.gejala_tbc || [];
    services.skilas = care.skilas || [];
    services.tanda_bahaya = care.tanda_bahaya === true || care.tanda_bahaya === "true" || care.tanda_bahaya === "on";
    return { groups: groups, age_days: growth.age, measurements: m, status: growth.status,
             implausible: Object.keys(growth.flags).filter(function (k) { return growth.flags[k]; }),
             kms: growth.kms, services: services, subject: { lahir: p.lahir, on: today, sex: p.jk } };
  }

  window.ReferralRules = { reasons: reasons, assessKms: assessKms, facts: facts, completedMonths: completedMonths };
})();
