package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2019", Date{2019, 0, 0}},
		{"2019-09", Date{2019, 9, 0}},
		{"2019-09-01", Date{2019, 9, 1}},
		{"2019-9-1", Date{2019, 9, 1}},
		{" 2019-09 ", Date{2019, 9, 0}},
		{"2024-02-29", Date{2024, 2, 29}}, // a leap year
		{"2000-02-29", Date{2000, 2, 29}}, // divisible by 400
		{"2023-12-31", Date{2023, 12, 31}},
		{"1900", Date{1900, 0, 0}},
		{"2200-12-31", Date{2200, 12, 31}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseDate(%q) = %+v, %v; want %+v, nil", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in, msg, hint string
	}{
		{"2023-02-30", `"2023-02-30" is not a date in the calendar`, "February 2023 has 28 days"},
		{"2023-02-29", `"2023-02-29" is not a date in the calendar`, "February 2023 has 28 days"},
		{"2024-02-30", `"2024-02-30" is not a date in the calendar`, "February 2024 has 29 days"},
		{"1900-02-29", `"1900-02-29" is not a date in the calendar`, "February 1900 has 28 days"},
		{"2023-04-31", `"2023-04-31" is not a date in the calendar`, "April 2023 has 30 days"},
		{"2023-10-00", `"2023-10-00" is not a date in the calendar`, "October 2023 has 31 days"},
		{"2023-13", `"2023-13" has no month 13`, "months run from 01 to 12"},
		{"2023-13-01", `"2023-13-01" has no month 13`, "months run from 01 to 12"},
		{"2023-00", `"2023-00" has no month 0`, "months run from 01 to 12"},
		{"1.10.2023", `"1.10.2023" is not an ISO date`, "write it as 2023-10-01 (year-month-day)"},
		{"01.10.2023", `"01.10.2023" is not an ISO date`, "write it as 2023-10-01 (year-month-day)"},
		{"1. 10. 2023", `"1. 10. 2023" is not an ISO date`, "write it as 2023-10-01 (year-month-day)"},
		{"10/2019", `"10/2019" is not an ISO date`, "write a month as 2019-10 (year-month)"},
		{"31.2.2023", `"31.2.2023" is not a date in the calendar`, "February 2023 has 28 days"},
		{"13/2019", `"13/2019" has no month 13`, "months run from 01 to 12"},
		{"9.2019", `"9.2019" is not an ISO date`, "write a month as 2019-09 (year-month)"},
		{"2023-10-01T12:00", `"2023-10-01T12:00" has a time of day`, "write the date alone, as 2023-10-01"},
		{"2023-10-01 12:00:00", `"2023-10-01 12:00:00" has a time of day`, "write the date alone, as 2023-10-01"},
		{"2023-10-01T12:00:00+03:00", `"2023-10-01T12:00:00+03:00" has a time of day`, "as 2023-10-01"},
		{"", `"" is not a date`, "write 2019-09-01 for a day, 2019-09 for a month or 2019 for a year"},
		{"syyskuu 2019", `"syyskuu 2019" is not a date`, "2019-09 for a month"},
		{"2019-09-01x", `"2019-09-01x" is not a date`, "2019-09-01 for a day"},
		{"19-09-01", `"19-09-01" is not a date`, "2019-09-01 for a day"},
		{"1899", "year 1899 is out of range", "check the year"},
		{"2201-01", "year 2201 is out of range", "check the year"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			var de *DateError
			if !errors.As(err, &de) {
				t.Fatalf("ParseDate(%q) = %+v, %v; want a *DateError %q", tt.in, d, err, tt.msg)
			}
			if de.Msg != tt.msg || !strings.Contains(de.Hint, tt.hint) || de.Error() != de.Msg {
				t.Errorf("ParseDate(%q) error = %q — %q; want %q — …%q…", tt.in, de.Msg, de.Hint, tt.msg, tt.hint)
			}
			if d != (Date{}) {
				t.Errorf("ParseDate(%q) = %+v with an error; want the zero Date", tt.in, d)
			}
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDateFirstLastString(t *testing.T) {
	tests := []struct {
		d                Date
		str, first, last string
	}{
		{Date{2019, 0, 0}, "2019", "2019-01-01", "2019-12-31"},
		{Date{2019, 9, 0}, "2019-09", "2019-09-01", "2019-09-30"},
		{Date{2021, 12, 0}, "2021-12", "2021-12-01", "2021-12-31"},
		{Date{2024, 2, 0}, "2024-02", "2024-02-01", "2024-02-29"},
		{Date{2023, 2, 0}, "2023-02", "2023-02-01", "2023-02-28"},
		{Date{2019, 9, 1}, "2019-09-01", "2019-09-01", "2019-09-01"},
		{Date{2025, 4, 30}, "2025-04-30", "2025-04-30", "2025-04-30"},
	}
	for _, tt := range tests {
		t.Run(tt.str, func(t *testing.T) {
			if got := tt.d.String(); got != tt.str {
				t.Errorf("%+v.String() = %q; want %q", tt.d, got, tt.str)
			}
			if got := tt.d.First(); !got.Equal(day(tt.first)) {
				t.Errorf("%+v.First() = %s; want %s", tt.d, got.Format(time.DateOnly), tt.first)
			}
			if got := tt.d.Last(); !got.Equal(day(tt.last)) {
				t.Errorf("%+v.Last() = %s; want %s", tt.d, got.Format(time.DateOnly), tt.last)
			}
			if tt.d.IsZero() {
				t.Errorf("%+v.IsZero() = true; want false", tt.d)
			}
			if back, err := ParseDate(tt.d.String()); err != nil || back != tt.d {
				t.Errorf("ParseDate(%q) = %+v, %v; want %+v, nil", tt.d.String(), back, err, tt.d)
			}
		})
	}
	if got := (Date{}).String(); got != "" || !(Date{}).IsZero() {
		t.Errorf("Date{}.String() = %q, IsZero() = %v; want \"\", true", got, (Date{}).IsZero())
	}
}

func TestPeriodStatus(t *testing.T) {
	days := Period{Start: Date{2023, 10, 1}, End: Date{2025, 4, 30}}
	months := Period{Start: Date{2019, 9, 0}, End: Date{2021, 12, 0}}
	years := Period{Start: Date{2019, 0, 0}, End: Date{2020, 0, 0}}
	open := Period{Start: Date{2019, 9, 1}}
	helsinki := time.FixedZone("EEST", 3*60*60)
	tests := []struct {
		name string
		p    Period
		now  time.Time
		want Status
	}{
		{"day before the start", days, day("2023-09-30"), Planned},
		{"first day", days, day("2023-10-01"), Ongoing},
		{"in between", days, day("2024-06-15"), Ongoing},
		{"last day", days, day("2025-04-30"), Ongoing},
		{"day after the end", days, day("2025-05-01"), Completed},
		{"last day, late in the evening", days, time.Date(2025, 4, 30, 23, 59, 59, 0, time.UTC), Ongoing},
		{"last day, local time", days, time.Date(2025, 4, 30, 23, 30, 0, 0, helsinki), Ongoing},
		{"day after the end, local time", days, time.Date(2025, 5, 1, 0, 30, 0, 0, helsinki), Completed},
		{"month before the start month", months, day("2019-08-31"), Planned},
		{"first day of the start month", months, day("2019-09-01"), Ongoing},
		{"last day of the end month", months, day("2021-12-31"), Ongoing},
		{"day after the end month", months, day("2022-01-01"), Completed},
		{"year before the start year", years, day("2018-12-31"), Planned},
		{"first day of the start year", years, day("2019-01-01"), Ongoing},
		{"last day of the end year", years, day("2020-12-31"), Ongoing},
		{"first day after the end year", years, day("2021-01-01"), Completed},
		{"open end, before the start", open, day("2019-08-31"), Planned},
		{"open end, long after the start", open, day("2100-01-01"), Ongoing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Status(tt.now); got != tt.want {
				t.Errorf("%+v.Status(%s) = %s; want %s", tt.p, tt.now.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}

func TestStatuses(t *testing.T) {
	want := []Status{"planned", "ongoing", "completed"}
	if got := Statuses(); !slices.Equal(got, want) {
		t.Errorf("Statuses() = %v; want %v", got, want)
	}
}

func TestPeriodYears(t *testing.T) {
	tests := []struct {
		name string
		p    Period
		now  string
		want []int
	}{
		{"months across years", Period{Date{2019, 9, 0}, Date{2021, 6, 0}}, "2030-01-01", []int{2019, 2020, 2021}},
		{"within one year", Period{Date{2023, 3, 1}, Date{2023, 11, 30}}, "2030-01-01", []int{2023}},
		{"years", Period{Date{2019, 0, 0}, Date{2020, 0, 0}}, "2030-01-01", []int{2019, 2020}},
		{"open end runs to now", Period{Start: Date{2022, 5, 1}}, "2024-02-01", []int{2022, 2023, 2024}},
		{"open end started this year", Period{Start: Date{2024, 1, 0}}, "2024-02-01", []int{2024}},
		{"open end starting after now", Period{Start: Date{2026, 3, 0}}, "2024-02-01", []int{2026}},
		{"end does not depend on now", Period{Date{2019, 0, 0}, Date{2020, 0, 0}}, "2019-06-01", []int{2019, 2020}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Years(day(tt.now)); !slices.Equal(got, tt.want) {
				t.Errorf("%+v.Years(%s) = %v; want %v", tt.p, tt.now, got, tt.want)
			}
		})
	}
}

// FuzzParseDate checks that ParseDate never panics and that a date it
// reads is a real calendar date that writes back to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019", "2019-09", "2019-09-01", "2023-02-30", "2024-02-29", "2023-13",
		"1.10.2023", "10/2019", "2023-10-01T12:00", "", "99.99.9999", "2019-9-1", "0000-00-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Msg == "" || de.Hint == "" {
				t.Fatalf("ParseDate(%q) error = %#v; want a *DateError with a message and a hint", s, err)
			}
			return
		}
		if d.Year < 1900 || d.Year > 2200 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || d.Month == 0 && d.Day != 0 {
			t.Fatalf("ParseDate(%q) = %+v; want a date of year, month or day precision", s, d)
		}
		if d.Last().Before(d.First()) {
			t.Fatalf("ParseDate(%q) = %+v: Last() %s is before First() %s", s, d, d.Last(), d.First())
		}
		if d.Day != 0 && d.First().Day() != d.Day {
			t.Fatalf("ParseDate(%q) = %+v, which is not in the calendar (First() = %s)", s, d, d.First())
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %+v; ParseDate(%q) = %+v, %v; want the same date", s, d, d.String(), back, err)
		}
	})
}
