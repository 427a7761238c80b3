package digest

import "testing"

func TestHashParts(t *testing.T) {
	tests := []struct {
		name string
		a, b uint64
		same bool
	}{
		{"same parts", New("x").Str("ab").Str("c").Sum(), New("x").Str("ab").Str("c").Sum(), true},
		{"parts split elsewhere", New("x").Str("ab").Str("c").Sum(), New("x").Str("a").Str("bc").Sum(), false},
		{"other label", New("x").Int(1).Sum(), New("y").Int(1).Sum(), false},
		{"order matters", New("x").Int(1).Int(2).Sum(), New("x").Int(2).Int(1).Sum(), false},
		{"file bytes", Bytes([]byte("title: Kylätalo\n")), Bytes([]byte("title: Kylätalo\n")), true},
		{"one byte changed", Bytes([]byte("title: Kylätalo\n")), Bytes([]byte("title: Kylätale\n")), false},
	}
	for _, tt := range tests {
		if (tt.a == tt.b) != tt.same {
			t.Errorf("%s: %x vs %x, want same=%v", tt.name, tt.a, tt.b, tt.same)
		}
	}
}

func TestHexIsStable(t *testing.T) {
	// Generated file names are made from Hex: the same input must give the
	// same name on every run, machine and version of vitrin.
	if got, want := New("search").Str("osku").Hex(8), "d2cafa72"; got != want {
		t.Fatalf("Hex(8) = %q, want %q", got, want)
	}
}
