-- counts; parameters: [{"name":"cx_from","value":"2024-01-01"},{"name":"cx_to","value":"2024-12-31"}]
WITH cx_input AS (
  SELECT
    "load_id" AS cx_order,
    to_char(CAST("submitted_at" AS DATE), 'YYYY-MM-DD') AS cx_date,
    btrim(CAST("likelihood_to_recommend" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_nps,
    btrim(CAST("csat" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_csat,
    btrim(CAST("ces" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_ces,
    COALESCE(LOWER(btrim(CAST("Email" AS TEXT), ' ' || chr(9) || chr(10) || chr(13))), '') AS cx_respondent,
    COALESCE(btrim(CAST("department" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)), '') AS cx_group
  FROM "analytics"."feedback"
),
cx_forms AS (
  SELECT *,
    CASE WHEN cx_date IS NULL OR cx_date = '' THEN 'missing'
      WHEN (cx_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?)?$') THEN 'iso' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$') THEN 'year-first' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$') THEN 'day-first' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$') OR (cx_date ~ '^[0-9]{1,2}-[0-9]{1,2}-([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$') THEN 'year-last'
      ELSE 'bad' END AS cx_date_form,
    CASE WHEN cx_nps IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN 'ok' WHEN cx_nps IS NULL OR cx_nps = '' OR (cx_nps ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_nps ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_nps ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_nps_kind,
    CASE WHEN cx_nps IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN cx_nps ELSE LTRIM(substring(cx_nps from '^[+-]?([0-9]*)'), '0') END AS cx_nps_digits,
    (cx_nps LIKE '-%') AS cx_nps_negative,
    CASE WHEN cx_csat IN ('1', '2', '3', '4', '5') THEN 'ok' WHEN cx_csat IS NULL OR cx_csat = '' OR (cx_csat ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_csat ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_csat ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_csat_kind,
    CASE WHEN cx_csat IN ('1', '2', '3', '4', '5') THEN cx_csat ELSE LTRIM(substring(cx_csat from '^[+-]?([0-9]*)'), '0') END AS cx_csat_digits,
    (cx_csat LIKE '-%') AS cx_csat_negative,
    CASE WHEN cx_ces IN ('1', '2', '3', '4', '5', '6', '7') THEN 'ok' WHEN cx_ces IS NULL OR cx_ces = '' OR (cx_ces ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_ces ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_ces ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_ces_kind,
    CASE WHEN cx_ces IN ('1', '2', '3', '4', '5', '6', '7') THEN cx_ces ELSE LTRIM(substring(cx_ces from '^[+-]?([0-9]*)'), '0') END AS cx_ces_digits,
    (cx_ces LIKE '-%') AS cx_ces_negative
  FROM cx_input
),
cx_parts AS (
  SELECT *,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^([0-9]{4})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CASE WHEN LENGTH(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})')) = 4 THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})') AS INTEGER) ELSE 2000 END END AS cx_year,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^[0-9]{4}[-/.] ?([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.]([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CAST(substring(cx_date from '^([0-9]{1,2})') AS INTEGER) END AS cx_month,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^[0-9]{4}[-/.] ?[0-9]{1,2}[-/.] ?([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.]([0-9]{1,2})') AS INTEGER) END AS cx_day_of_month,
    CASE WHEN cx_nps_kind = 'ok' AND LENGTH(cx_nps_digits) <= 2 THEN CAST(CASE WHEN cx_nps_digits = '' THEN '0' ELSE cx_nps_digits END AS INTEGER) END AS cx_nps_magnitude,
    CASE WHEN cx_csat_kind = 'ok' AND LENGTH(cx_csat_digits) <= 2 THEN CAST(CASE WHEN cx_csat_digits = '' THEN '0' ELSE cx_csat_digits END AS INTEGER) END AS cx_csat_magnitude,
    CASE WHEN cx_ces_kind = 'ok' AND LENGTH(cx_ces_digits) <= 2 THEN CAST(CASE WHEN cx_ces_digits = '' THEN '0' ELSE cx_ces_digits END AS INTEGER) END AS cx_ces_magnitude
  FROM cx_forms
),
cx_reasons AS (
  SELECT *,
    CASE WHEN cx_date_form = 'missing' THEN 'missing-date' WHEN cx_date_form = 'year-last' THEN CASE WHEN cx_year BETWEEN 1900 AND 2199 AND ((cx_month BETWEEN 1 AND 12 AND cx_day_of_month BETWEEN 1 AND CASE WHEN cx_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END) OR (cx_day_of_month BETWEEN 1 AND 12 AND cx_month BETWEEN 1 AND CASE WHEN cx_day_of_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_day_of_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) THEN 'ambiguous-date' ELSE 'invalid-date' END WHEN cx_date_form = 'bad' OR NOT (cx_year BETWEEN 1900 AND 2199 AND (cx_month BETWEEN 1 AND 12 AND cx_day_of_month BETWEEN 1 AND CASE WHEN cx_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) THEN 'invalid-date' END AS cx_date_reason,
    CASE cx_nps_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_nps_magnitude IS NULL OR (cx_nps_negative AND cx_nps_magnitude <> 0) OR cx_nps_magnitude < 0 OR cx_nps_magnitude > 10 THEN 'score-out-of-range' END END AS cx_nps_reason,
    CASE cx_csat_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_csat_magnitude IS NULL OR (cx_csat_negative AND cx_csat_magnitude <> 0) OR cx_csat_magnitude < 1 OR cx_csat_magnitude > 5 THEN 'score-out-of-range' END END AS cx_csat_reason,
    CASE cx_ces_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_ces_magnitude IS NULL OR (cx_ces_negative AND cx_ces_magnitude <> 0) OR cx_ces_magnitude < 1 OR cx_ces_magnitude > 7 THEN 'score-out-of-range' END END AS cx_ces_reason,
    CASE WHEN cx_nps_kind = 'missing' AND cx_csat_kind = 'missing' AND cx_ces_kind = 'missing' THEN 'no-score' END AS cx_empty_reason
  FROM cx_parts
),
cx_checks AS (
  SELECT cx_order, cx_respondent, cx_group, cx_year, cx_month, cx_day_of_month, cx_nps_magnitude, cx_csat_magnitude, cx_ces_magnitude,
    COALESCE(cx_date_reason, cx_nps_reason, cx_csat_reason, cx_ces_reason, cx_empty_reason) AS cx_reason, CASE WHEN cx_date_reason IS NOT NULL THEN NULL WHEN cx_nps_reason IS NOT NULL THEN 'nps' WHEN cx_csat_reason IS NOT NULL THEN 'csat' WHEN cx_ces_reason IS NOT NULL THEN 'ces' END AS cx_reason_field
  FROM cx_reasons
),
cx_accepted AS (
  SELECT cx_order, cx_respondent, cx_group, cx_nps_magnitude, cx_csat_magnitude, cx_ces_magnitude,
    CASE WHEN cx_reason IS NULL THEN make_date(cx_year, cx_month, cx_day_of_month) END AS cx_day
  FROM cx_checks WHERE cx_reason IS NULL
),
cx_ranked AS (
  SELECT *,
    CASE WHEN cx_respondent = '' THEN 1 ELSE ROW_NUMBER() OVER (PARTITION BY cx_respondent, cx_day ORDER BY cx_order) END AS cx_rank
  FROM cx_accepted
),
cx_kept AS (
  SELECT *, cx_day AS cx_period
  FROM cx_ranked WHERE cx_rank = 1
),
cx_buckets AS (
  SELECT cx_period, cx_group,
    SUM(CASE WHEN cx_nps_magnitude = 0 THEN 1 ELSE 0 END) AS nps_0,
    SUM(CASE WHEN cx_nps_magnitude = 1 THEN 1 ELSE 0 END) AS nps_1,
    SUM(CASE WHEN cx_nps_magnitude = 2 THEN 1 ELSE 0 END) AS nps_2,
    SUM(CASE WHEN cx_nps_magnitude = 3 THEN 1 ELSE 0 END) AS nps_3,
    SUM(CASE WHEN cx_nps_magnitude = 4 THEN 1 ELSE 0 END) AS nps_4,
    SUM(CASE WHEN cx_nps_magnitude = 5 THEN 1 ELSE 0 END) AS nps_5,
    SUM(CASE WHEN cx_nps_magnitude = 6 THEN 1 ELSE 0 END) AS nps_6,
    SUM(CASE WHEN cx_nps_magnitude = 7 THEN 1 ELSE 0 END) AS nps_7,
    SUM(CASE WHEN cx_nps_magnitude = 8 THEN 1 ELSE 0 END) AS nps_8,
    SUM(CASE WHEN cx_nps_magnitude = 9 THEN 1 ELSE 0 END) AS nps_9,
    SUM(CASE WHEN cx_nps_magnitude = 10 THEN 1 ELSE 0 END) AS nps_10,
    SUM(CASE WHEN cx_csat_magnitude = 1 THEN 1 ELSE 0 END) AS csat_1,
    SUM(CASE WHEN cx_csat_magnitude = 2 THEN 1 ELSE 0 END) AS csat_2,
    SUM(CASE WHEN cx_csat_magnitude = 3 THEN 1 ELSE 0 END) AS csat_3,
    SUM(CASE WHEN cx_csat_magnitude = 4 THEN 1 ELSE 0 END) AS csat_4,
    SUM(CASE WHEN cx_csat_magnitude = 5 THEN 1 ELSE 0 END) AS csat_5,
    SUM(CASE WHEN cx_ces_magnitude = 1 THEN 1 ELSE 0 END) AS ces_1,
    SUM(CASE WHEN cx_ces_magnitude = 2 THEN 1 ELSE 0 END) AS ces_2,
    SUM(CASE WHEN cx_ces_magnitude = 3 THEN 1 ELSE 0 END) AS ces_3,
    SUM(CASE WHEN cx_ces_magnitude = 4 THEN 1 ELSE 0 END) AS ces_4,
    SUM(CASE WHEN cx_ces_magnitude = 5 THEN 1 ELSE 0 END) AS ces_5,
    SUM(CASE WHEN cx_ces_magnitude = 6 THEN 1 ELSE 0 END) AS ces_6,
    SUM(CASE WHEN cx_ces_magnitude = 7 THEN 1 ELSE 0 END) AS ces_7
  FROM cx_kept
  WHERE cx_period >= CAST($1 AS DATE) AND cx_period <= CAST($2 AS DATE)
  GROUP BY cx_period, cx_group
)
SELECT to_char(cx_period, 'YYYY-MM-DD') AS cx_period_key, cx_group, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, ces_1, ces_2, ces_3, ces_4, ces_5, ces_6, ces_7
FROM cx_buckets
ORDER BY cx_period, cx_group;

-- quality; parameters: []
WITH cx_input AS (
  SELECT
    "load_id" AS cx_order,
    to_char(CAST("submitted_at" AS DATE), 'YYYY-MM-DD') AS cx_date,
    btrim(CAST("likelihood_to_recommend" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_nps,
    btrim(CAST("csat" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_csat,
    btrim(CAST("ces" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_ces,
    COALESCE(LOWER(btrim(CAST("Email" AS TEXT), ' ' || chr(9) || chr(10) || chr(13))), '') AS cx_respondent,
    COALESCE(btrim(CAST("department" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)), '') AS cx_group
  FROM "analytics"."feedback"
),
cx_forms AS (
  SELECT *,
    CASE WHEN cx_date IS NULL OR cx_date = '' THEN 'missing'
      WHEN (cx_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?)?$') THEN 'iso' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$') THEN 'year-first' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$') THEN 'day-first' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$') OR (cx_date ~ '^[0-9]{1,2}-[0-9]{1,2}-([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$') THEN 'year-last'
      ELSE 'bad' END AS cx_date_form,
    CASE WHEN cx_nps IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN 'ok' WHEN cx_nps IS NULL OR cx_nps = '' OR (cx_nps ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_nps ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_nps ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_nps_kind,
    CASE WHEN cx_nps IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN cx_nps ELSE LTRIM(substring(cx_nps from '^[+-]?([0-9]*)'), '0') END AS cx_nps_digits,
    (cx_nps LIKE '-%') AS cx_nps_negative,
    CASE WHEN cx_csat IN ('1', '2', '3', '4', '5') THEN 'ok' WHEN cx_csat IS NULL OR cx_csat = '' OR (cx_csat ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_csat ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_csat ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_csat_kind,
    CASE WHEN cx_csat IN ('1', '2', '3', '4', '5') THEN cx_csat ELSE LTRIM(substring(cx_csat from '^[+-]?([0-9]*)'), '0') END AS cx_csat_digits,
    (cx_csat LIKE '-%') AS cx_csat_negative,
    CASE WHEN cx_ces IN ('1', '2', '3', '4', '5', '6', '7') THEN 'ok' WHEN cx_ces IS NULL OR cx_ces = '' OR (cx_ces ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_ces ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_ces ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_ces_kind,
    CASE WHEN cx_ces IN ('1', '2', '3', '4', '5', '6', '7') THEN cx_ces ELSE LTRIM(substring(cx_ces from '^[+-]?([0-9]*)'), '0') END AS cx_ces_digits,
    (cx_ces LIKE '-%') AS cx_ces_negative
  FROM cx_input
),
cx_parts AS (
  SELECT *,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^([0-9]{4})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CASE WHEN LENGTH(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})')) = 4 THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})') AS INTEGER) ELSE 2000 END END AS cx_year,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^[0-9]{4}[-/.] ?([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.]([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CAST(substring(cx_date from '^([0-9]{1,2})') AS INTEGER) END AS cx_month,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^[0-9]{4}[-/.] ?[0-9]{1,2}[-/.] ?([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.]([0-9]{1,2})') AS INTEGER) END AS cx_day_of_month,
    CASE WHEN cx_nps_kind = 'ok' AND LENGTH(cx_nps_digits) <= 2 THEN CAST(CASE WHEN cx_nps_digits = '' THEN '0' ELSE cx_nps_digits END AS INTEGER) END AS cx_nps_magnitude,
    CASE WHEN cx_csat_kind = 'ok' AND LENGTH(cx_csat_digits) <= 2 THEN CAST(CASE WHEN cx_csat_digits = '' THEN '0' ELSE cx_csat_digits END AS INTEGER) END AS cx_csat_magnitude,
    CASE WHEN cx_ces_kind = 'ok' AND LENGTH(cx_ces_digits) <= 2 THEN CAST(CASE WHEN cx_ces_digits = '' THEN '0' ELSE cx_ces_digits END AS INTEGER) END AS cx_ces_magnitude
  FROM cx_forms
),
cx_reasons AS (
  SELECT *,
    CASE WHEN cx_date_form = 'missing' THEN 'missing-date' WHEN cx_date_form = 'year-last' THEN CASE WHEN cx_year BETWEEN 1900 AND 2199 AND ((cx_month BETWEEN 1 AND 12 AND cx_day_of_month BETWEEN 1 AND CASE WHEN cx_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END) OR (cx_day_of_month BETWEEN 1 AND 12 AND cx_month BETWEEN 1 AND CASE WHEN cx_day_of_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_day_of_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) THEN 'ambiguous-date' ELSE 'invalid-date' END WHEN cx_date_form = 'bad' OR NOT (cx_year BETWEEN 1900 AND 2199 AND (cx_month BETWEEN 1 AND 12 AND cx_day_of_month BETWEEN 1 AND CASE WHEN cx_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) THEN 'invalid-date' END AS cx_date_reason,
    CASE cx_nps_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_nps_magnitude IS NULL OR (cx_nps_negative AND cx_nps_magnitude <> 0) OR cx_nps_magnitude < 0 OR cx_nps_magnitude > 10 THEN 'score-out-of-range' END END AS cx_nps_reason,
    CASE cx_csat_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_csat_magnitude IS NULL OR (cx_csat_negative AND cx_csat_magnitude <> 0) OR cx_csat_magnitude < 1 OR cx_csat_magnitude > 5 THEN 'score-out-of-range' END END AS cx_csat_reason,
    CASE cx_ces_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_ces_magnitude IS NULL OR (cx_ces_negative AND cx_ces_magnitude <> 0) OR cx_ces_magnitude < 1 OR cx_ces_magnitude > 7 THEN 'score-out-of-range' END END AS cx_ces_reason,
    CASE WHEN cx_nps_kind = 'missing' AND cx_csat_kind = 'missing' AND cx_ces_kind = 'missing' THEN 'no-score' END AS cx_empty_reason
  FROM cx_parts
),
cx_checks AS (
  SELECT cx_order, cx_respondent, cx_group, cx_year, cx_month, cx_day_of_month, cx_nps_magnitude, cx_csat_magnitude, cx_ces_magnitude,
    COALESCE(cx_date_reason, cx_nps_reason, cx_csat_reason, cx_ces_reason, cx_empty_reason) AS cx_reason, CASE WHEN cx_date_reason IS NOT NULL THEN NULL WHEN cx_nps_reason IS NOT NULL THEN 'nps' WHEN cx_csat_reason IS NOT NULL THEN 'csat' WHEN cx_ces_reason IS NOT NULL THEN 'ces' END AS cx_reason_field
  FROM cx_reasons
),
cx_accepted AS (
  SELECT cx_order, cx_respondent, cx_group, cx_nps_magnitude, cx_csat_magnitude, cx_ces_magnitude,
    CASE WHEN cx_reason IS NULL THEN make_date(cx_year, cx_month, cx_day_of_month) END AS cx_day
  FROM cx_checks WHERE cx_reason IS NULL
),
cx_ranked AS (
  SELECT *,
    CASE WHEN cx_respondent = '' THEN 1 ELSE ROW_NUMBER() OVER (PARTITION BY cx_respondent, cx_day ORDER BY cx_order) END AS cx_rank
  FROM cx_accepted
),
cx_quality AS (
  SELECT cx_outcome, cx_reason, cx_reason_field, COUNT(*) AS cx_rows FROM (
    SELECT 'rejected' AS cx_outcome, cx_reason, cx_reason_field FROM cx_checks WHERE cx_reason IS NOT NULL
    UNION ALL
    SELECT CASE WHEN cx_rank > 1 THEN 'duplicate' WHEN cx_respondent = '' THEN 'accepted-without-respondent' ELSE 'accepted' END, CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM cx_ranked
  ) cx_outcomes
  GROUP BY cx_outcome, cx_reason, cx_reason_field
)
SELECT * FROM cx_quality
ORDER BY cx_outcome, cx_reason, cx_reason_field;

-- combined; parameters: [{"name":"cx_from","value":"2024-01-01"},{"name":"cx_to","value":"2024-12-31"}]
WITH cx_input AS (
  SELECT
    "load_id" AS cx_order,
    to_char(CAST("submitted_at" AS DATE), 'YYYY-MM-DD') AS cx_date,
    btrim(CAST("likelihood_to_recommend" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_nps,
    btrim(CAST("csat" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_csat,
    btrim(CAST("ces" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)) AS cx_ces,
    COALESCE(LOWER(btrim(CAST("Email" AS TEXT), ' ' || chr(9) || chr(10) || chr(13))), '') AS cx_respondent,
    COALESCE(btrim(CAST("department" AS TEXT), ' ' || chr(9) || chr(10) || chr(13)), '') AS cx_group
  FROM "analytics"."feedback"
),
cx_forms AS (
  SELECT *,
    CASE WHEN cx_date IS NULL OR cx_date = '' THEN 'missing'
      WHEN (cx_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?)?$') THEN 'iso' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{4}(/[0-9]{1,2}/[0-9]{1,2}|[.] ?[0-9]{1,2}[.] ?[0-9]{1,2}[.]?)([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$') THEN 'year-first' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$') THEN CASE WHEN (cx_date ~ '^[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?$') THEN 'day-first' ELSE 'bad' END
      WHEN (cx_date ~ '^[0-9]{1,2}/[0-9]{1,2}/([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$') OR (cx_date ~ '^[0-9]{1,2}-[0-9]{1,2}-([0-9]{2}|[0-9]{4})(,?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?$') THEN 'year-last'
      ELSE 'bad' END AS cx_date_form,
    CASE WHEN cx_nps IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN 'ok' WHEN cx_nps IS NULL OR cx_nps = '' OR (cx_nps ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_nps ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_nps ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_nps_kind,
    CASE WHEN cx_nps IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN cx_nps ELSE LTRIM(substring(cx_nps from '^[+-]?([0-9]*)'), '0') END AS cx_nps_digits,
    (cx_nps LIKE '-%') AS cx_nps_negative,
    CASE WHEN cx_csat IN ('1', '2', '3', '4', '5') THEN 'ok' WHEN cx_csat IS NULL OR cx_csat = '' OR (cx_csat ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_csat ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_csat ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_csat_kind,
    CASE WHEN cx_csat IN ('1', '2', '3', '4', '5') THEN cx_csat ELSE LTRIM(substring(cx_csat from '^[+-]?([0-9]*)'), '0') END AS cx_csat_digits,
    (cx_csat LIKE '-%') AS cx_csat_negative,
    CASE WHEN cx_ces IN ('1', '2', '3', '4', '5', '6', '7') THEN 'ok' WHEN cx_ces IS NULL OR cx_ces = '' OR (cx_ces ~ '^([Nn]/?[Aa]|-)$') THEN 'missing' WHEN NOT (cx_ces ~ '^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$') THEN 'nan' WHEN NOT (cx_ces ~ '^[+-]?([0-9]+([.,]0*)?|[.,]0+)$') THEN 'fraction' ELSE 'ok' END AS cx_ces_kind,
    CASE WHEN cx_ces IN ('1', '2', '3', '4', '5', '6', '7') THEN cx_ces ELSE LTRIM(substring(cx_ces from '^[+-]?([0-9]*)'), '0') END AS cx_ces_digits,
    (cx_ces LIKE '-%') AS cx_ces_negative
  FROM cx_input
),
cx_parts AS (
  SELECT *,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^([0-9]{4})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CASE WHEN LENGTH(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})')) = 4 THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})') AS INTEGER) ELSE 2000 END END AS cx_year,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^[0-9]{4}[-/.] ?([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.]([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CAST(substring(cx_date from '^([0-9]{1,2})') AS INTEGER) END AS cx_month,
    CASE WHEN cx_date_form IN ('iso', 'year-first') THEN CAST(substring(cx_date from '^[0-9]{4}[-/.] ?[0-9]{1,2}[-/.] ?([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'day-first' THEN CAST(substring(cx_date from '^([0-9]{1,2})') AS INTEGER) WHEN cx_date_form = 'year-last' THEN CAST(substring(cx_date from '^[0-9]{1,2}[-/.]([0-9]{1,2})') AS INTEGER) END AS cx_day_of_month,
    CASE WHEN cx_nps_kind = 'ok' AND LENGTH(cx_nps_digits) <= 2 THEN CAST(CASE WHEN cx_nps_digits = '' THEN '0' ELSE cx_nps_digits END AS INTEGER) END AS cx_nps_magnitude,
    CASE WHEN cx_csat_kind = 'ok' AND LENGTH(cx_csat_digits) <= 2 THEN CAST(CASE WHEN cx_csat_digits = '' THEN '0' ELSE cx_csat_digits END AS INTEGER) END AS cx_csat_magnitude,
    CASE WHEN cx_ces_kind = 'ok' AND LENGTH(cx_ces_digits) <= 2 THEN CAST(CASE WHEN cx_ces_digits = '' THEN '0' ELSE cx_ces_digits END AS INTEGER) END AS cx_ces_magnitude
  FROM cx_forms
),
cx_reasons AS (
  SELECT *,
    CASE WHEN cx_date_form = 'missing' THEN 'missing-date' WHEN cx_date_form = 'year-last' THEN CASE WHEN cx_year BETWEEN 1900 AND 2199 AND ((cx_month BETWEEN 1 AND 12 AND cx_day_of_month BETWEEN 1 AND CASE WHEN cx_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END) OR (cx_day_of_month BETWEEN 1 AND 12 AND cx_month BETWEEN 1 AND CASE WHEN cx_day_of_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_day_of_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) THEN 'ambiguous-date' ELSE 'invalid-date' END WHEN cx_date_form = 'bad' OR NOT (cx_year BETWEEN 1900 AND 2199 AND (cx_month BETWEEN 1 AND 12 AND cx_day_of_month BETWEEN 1 AND CASE WHEN cx_month = 2 THEN CASE WHEN (MOD(cx_year, 4) = 0 AND MOD(cx_year, 100) <> 0) OR MOD(cx_year, 400) = 0 THEN 29 ELSE 28 END WHEN cx_month IN (4, 6, 9, 11) THEN 30 ELSE 31 END)) THEN 'invalid-date' END AS cx_date_reason,
    CASE cx_nps_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_nps_magnitude IS NULL OR (cx_nps_negative AND cx_nps_magnitude <> 0) OR cx_nps_magnitude < 0 OR cx_nps_magnitude > 10 THEN 'score-out-of-range' END END AS cx_nps_reason,
    CASE cx_csat_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_csat_magnitude IS NULL OR (cx_csat_negative AND cx_csat_magnitude <> 0) OR cx_csat_magnitude < 1 OR cx_csat_magnitude > 5 THEN 'score-out-of-range' END END AS cx_csat_reason,
    CASE cx_ces_kind WHEN 'nan' THEN 'score-not-number' WHEN 'fraction' THEN 'score-not-integer' WHEN 'ok' THEN CASE WHEN cx_ces_magnitude IS NULL OR (cx_ces_negative AND cx_ces_magnitude <> 0) OR cx_ces_magnitude < 1 OR cx_ces_magnitude > 7 THEN 'score-out-of-range' END END AS cx_ces_reason,
    CASE WHEN cx_nps_kind = 'missing' AND cx_csat_kind = 'missing' AND cx_ces_kind = 'missing' THEN 'no-score' END AS cx_empty_reason
  FROM cx_parts
),
cx_checks AS (
  SELECT cx_order, cx_respondent, cx_group, cx_year, cx_month, cx_day_of_month, cx_nps_magnitude, cx_csat_magnitude, cx_ces_magnitude,
    COALESCE(cx_date_reason, cx_nps_reason, cx_csat_reason, cx_ces_reason, cx_empty_reason) AS cx_reason, CASE WHEN cx_date_reason IS NOT NULL THEN NULL WHEN cx_nps_reason IS NOT NULL THEN 'nps' WHEN cx_csat_reason IS NOT NULL THEN 'csat' WHEN cx_ces_reason IS NOT NULL THEN 'ces' END AS cx_reason_field
  FROM cx_reasons
),
cx_accepted AS (
  SELECT cx_order, cx_respondent, cx_group, cx_nps_magnitude, cx_csat_magnitude, cx_ces_magnitude,
    CASE WHEN cx_reason IS NULL THEN make_date(cx_year, cx_month, cx_day_of_month) END AS cx_day
  FROM cx_checks WHERE cx_reason IS NULL
),
cx_ranked AS (
  SELECT *,
    CASE WHEN cx_respondent = '' THEN 1 ELSE ROW_NUMBER() OVER (PARTITION BY cx_respondent, cx_day ORDER BY cx_order) END AS cx_rank
  FROM cx_accepted
),
cx_kept AS (
  SELECT *, cx_day AS cx_period
  FROM cx_ranked WHERE cx_rank = 1
),
cx_buckets AS (
  SELECT cx_period, cx_group,
    SUM(CASE WHEN cx_nps_magnitude = 0 THEN 1 ELSE 0 END) AS nps_0,
    SUM(CASE WHEN cx_nps_magnitude = 1 THEN 1 ELSE 0 END) AS nps_1,
    SUM(CASE WHEN cx_nps_magnitude = 2 THEN 1 ELSE 0 END) AS nps_2,
    SUM(CASE WHEN cx_nps_magnitude = 3 THEN 1 ELSE 0 END) AS nps_3,
    SUM(CASE WHEN cx_nps_magnitude = 4 THEN 1 ELSE 0 END) AS nps_4,
    SUM(CASE WHEN cx_nps_magnitude = 5 THEN 1 ELSE 0 END) AS nps_5,
    SUM(CASE WHEN cx_nps_magnitude = 6 THEN 1 ELSE 0 END) AS nps_6,
    SUM(CASE WHEN cx_nps_magnitude = 7 THEN 1 ELSE 0 END) AS nps_7,
    SUM(CASE WHEN cx_nps_magnitude = 8 THEN 1 ELSE 0 END) AS nps_8,
    SUM(CASE WHEN cx_nps_magnitude = 9 THEN 1 ELSE 0 END) AS nps_9,
    SUM(CASE WHEN cx_nps_magnitude = 10 THEN 1 ELSE 0 END) AS nps_10,
    SUM(CASE WHEN cx_csat_magnitude = 1 THEN 1 ELSE 0 END) AS csat_1,
    SUM(CASE WHEN cx_csat_magnitude = 2 THEN 1 ELSE 0 END) AS csat_2,
    SUM(CASE WHEN cx_csat_magnitude = 3 THEN 1 ELSE 0 END) AS csat_3,
    SUM(CASE WHEN cx_csat_magnitude = 4 THEN 1 ELSE 0 END) AS csat_4,
    SUM(CASE WHEN cx_csat_magnitude = 5 THEN 1 ELSE 0 END) AS csat_5,
    SUM(CASE WHEN cx_ces_magnitude = 1 THEN 1 ELSE 0 END) AS ces_1,
    SUM(CASE WHEN cx_ces_magnitude = 2 THEN 1 ELSE 0 END) AS ces_2,
    SUM(CASE WHEN cx_ces_magnitude = 3 THEN 1 ELSE 0 END) AS ces_3,
    SUM(CASE WHEN cx_ces_magnitude = 4 THEN 1 ELSE 0 END) AS ces_4,
    SUM(CASE WHEN cx_ces_magnitude = 5 THEN 1 ELSE 0 END) AS ces_5,
    SUM(CASE WHEN cx_ces_magnitude = 6 THEN 1 ELSE 0 END) AS ces_6,
    SUM(CASE WHEN cx_ces_magnitude = 7 THEN 1 ELSE 0 END) AS ces_7
  FROM cx_kept
  WHERE cx_period >= CAST($1 AS DATE) AND cx_period <= CAST($2 AS DATE)
  GROUP BY cx_period, cx_group
),
cx_quality AS (
  SELECT cx_outcome, cx_reason, cx_reason_field, COUNT(*) AS cx_rows FROM (
    SELECT 'rejected' AS cx_outcome, cx_reason, cx_reason_field FROM cx_checks WHERE cx_reason IS NOT NULL
    UNION ALL
    SELECT CASE WHEN cx_rank > 1 THEN 'duplicate' WHEN cx_respondent = '' THEN 'accepted-without-respondent' ELSE 'accepted' END, CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM cx_ranked
  ) cx_outcomes
  GROUP BY cx_outcome, cx_reason, cx_reason_field
)
SELECT 'counts' AS cx_section, to_char(cx_period, 'YYYY-MM-DD') AS cx_period_key, cx_group, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, ces_1, ces_2, ces_3, ces_4, ces_5, ces_6, ces_7, CAST(NULL AS TEXT) AS cx_outcome, CAST(NULL AS TEXT) AS cx_reason, CAST(NULL AS TEXT) AS cx_reason_field, NULL AS cx_rows
FROM cx_buckets
UNION ALL
SELECT 'quality', NULL, NULL, NULL AS nps_0, NULL AS nps_1, NULL AS nps_2, NULL AS nps_3, NULL AS nps_4, NULL AS nps_5, NULL AS nps_6, NULL AS nps_7, NULL AS nps_8, NULL AS nps_9, NULL AS nps_10, NULL AS csat_1, NULL AS csat_2, NULL AS csat_3, NULL AS csat_4, NULL AS csat_5, NULL AS ces_1, NULL AS ces_2, NULL AS ces_3, NULL AS ces_4, NULL AS ces_5, NULL AS ces_6, NULL AS ces_7, cx_outcome, cx_reason, cx_reason_field, cx_rows
FROM cx_quality
ORDER BY cx_section, cx_period_key, cx_group, cx_outcome, cx_reason, cx_reason_field;
