package model

import (
	"slices"
	"testing"
)

func TestMerged(t *testing.T) {
	fi := LangString{Lang: "fi", S: "Kylätalo"}
	et := LangString{Lang: "et", S: "Külamaja"}
	sv := LangString{Lang: "sv", S: "Bygdegård"}
	tests := []struct {
		name     string
		orig, tr Text
		want     Text
	}{
		{"a translation adds its language", Text{fi}, Text{et}, Text{fi, et}},
		{"a second translation after the first", Text{fi, et}, Text{sv}, Text{fi, et, sv}},
		{"an empty translation changes nothing", Text{fi}, nil, Text{fi}},
		{"a text only in the translation", nil, Text{sv}, Text{sv}},
		{"the same language replaces the text", Text{fi, et}, Text{{Lang: "fi", S: "Seurantalo"}}, Text{{Lang: "fi", S: "Seurantalo"}, et}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := slices.Clone(tc.orig)
			got := merged(tc.orig, tc.tr)
			if !slices.Equal(got, tc.want) {
				t.Errorf("merged(%v, %v) = %v, want %v", tc.orig, tc.tr, got, tc.want)
			}
			if !slices.Equal(tc.orig, before) {
				t.Errorf("merged changed the original's text to %v", tc.orig)
			}
		})
	}
}
