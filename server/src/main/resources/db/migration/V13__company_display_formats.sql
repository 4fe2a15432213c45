-- How a company writes amounts and dates (issue 13): digit grouping (INDIAN = lakh/crore,
-- 1,23,45,678.00; WESTERN = 12,345,678.00) and the date pattern. Times are shown in the
-- company's time_zone, which the company row already holds.
ALTER TABLE company
  ADD COLUMN number_grouping varchar(16) NOT NULL DEFAULT 'INDIAN'
    CHECK (number_grouping IN ('INDIAN', 'WESTERN')),
  ADD COLUMN date_format varchar(16) NOT NULL DEFAULT 'dd/MM/yyyy'
    CHECK (date_format IN ('dd/MM/yyyy', 'dd-MM-yyyy', 'dd.MM.yyyy', 'yyyy-MM-dd', 'MM/dd/yyyy'));

-- Lakh/crore is the default only where the currency's people write it so.
UPDATE company SET number_grouping = 'WESTERN'
  WHERE currency_code NOT IN ('BDT', 'INR', 'PKR', 'NPR', 'LKR');
