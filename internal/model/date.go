package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date with year, month or day precision: 2019,
// 2019-09 or 2019-09-01. Month and Day are 0 when not given.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String returns d in ISO 8601 at its own precision.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First returns the first day d covers.
func (d Date) First() time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// Last returns the last day d covers.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

var (
	isoDate   = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$`)
	isoTime   = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}`)
	localDate = regexp.MustCompile(`^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$`)
	monthYear = regexp.MustCompile(`^(\d{1,2})\s*[/.]\s*(\d{4})$`)
)

// DateError is a date that cannot be read, with a way to write it.
type DateError struct {
	Msg, Hint string
}

func (e *DateError) Error() string { return e.Msg }

// ParseDate reads an ISO date of year, month or day precision. It explains
// the common local forms (1.10.2023, 10/2023) and impossible dates.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if m := isoTime.FindStringSubmatch(s); m != nil {
		return Date{}, &DateError{Msg: fmt.Sprintf("%q has a time of day", s), Hint: "write the date alone, as " + m[1]}
	}
	if m := localDate.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		iso := fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
		if _, err := ParseDate(iso); err != nil {
			return Date{}, &DateError{Msg: fmt.Sprintf("%q is not a date in the calendar", s), Hint: err.(*DateError).Hint}
		}
		return Date{}, &DateError{Msg: fmt.Sprintf("%q is not an ISO date", s), Hint: "write it as " + iso + " (year-month-day)"}
	}
	if m := monthYear.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[1])
		if mo < 1 || mo > 12 {
			return Date{}, &DateError{Msg: fmt.Sprintf("%q has no month %d", s, mo), Hint: "months run from 01 to 12"}
		}
		return Date{}, &DateError{Msg: fmt.Sprintf("%q is not an ISO date", s), Hint: fmt.Sprintf("write a month as %s-%02d (year-month)", m[2], mo)}
	}
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return Date{}, &DateError{Msg: fmt.Sprintf("%q is not a date", s), Hint: "write 2019-09-01 for a day, 2019-09 for a month or 2019 for a year"}
	}
	var d Date
	d.Year, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		d.Month, _ = strconv.Atoi(m[2])
		if d.Month < 1 || d.Month > 12 {
			return Date{}, &DateError{Msg: fmt.Sprintf("%q has no month %d", s, d.Month), Hint: "months run from 01 to 12"}
		}
	}
	if m[3] != "" {
		d.Day, _ = strconv.Atoi(m[3])
		last := Date{Year: d.Year, Month: d.Month}.Last().Day()
		if d.Day < 1 || d.Day > last {
			return Date{}, &DateError{
				Msg:  fmt.Sprintf("%q is not a date in the calendar", s),
				Hint: fmt.Sprintf("%s %d has %d days", time.Month(d.Month), d.Year, last),
			}
		}
	}
	if d.Year < 1900 || d.Year > 2200 {
		return Date{}, &DateError{Msg: fmt.Sprintf("year %d is out of range", d.Year), Hint: "check the year"}
	}
	return d, nil
}

// Period is the time a project runs. End is zero when not known.
type Period struct {
	Start, End Date
}

// Status is where a project is on the build date.
type Status string

// The statuses, derived from the period and the build date.
const (
	Planned   Status = "planned"
	Ongoing   Status = "ongoing"
	Completed Status = "completed"
)

// Statuses lists every status in the order of a project's life.
func Statuses() []Status { return []Status{Planned, Ongoing, Completed} }

// Status returns the project's status on the day now.
func (p Period) Status(now time.Time) Status {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case day.Before(p.Start.First()):
		return Planned
	case !p.End.IsZero() && day.After(p.End.Last()):
		return Completed
	}
	return Ongoing
}

// Years returns every calendar year the period touches; a period without
// an end runs to the year of now, or its start year if that is later. A
// period without a start (its file has errors) touches none.
func (p Period) Years(now time.Time) []int {
	if p.Start.IsZero() {
		return nil
	}
	last := max(now.Year(), p.Start.Year)
	if !p.End.IsZero() {
		last = p.End.Year
	}
	var ys []int
	for y := p.Start.Year; y <= last; y++ {
		ys = append(ys, y)
	}
	return ys
}
