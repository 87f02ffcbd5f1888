package data

import "reflect"

// Quote is a pull quote: a sentence said by someone, set large in the
// section's text with its attribution.
type Quote struct {
	Text string
	By   string // who said it, e.g. "区委书记 王明"; optional
}

// QR is a QR code that leads to a web page (the brochure's electronic
// edition), with the line printed beside it.
type QR struct {
	URL     string // http:// or https://
	Caption string // e.g. "扫码阅读电子版"; optional
}

// optionalChanges are the changes of the fields of an optional mapping
// (quote:, qr:) between a and b, pointers of o's type; a nil one has
// empty fields.
func optionalChanges(o *object, a, b reflect.Value) []Change {
	deref := func(v reflect.Value) reflect.Value {
		if v.IsNil() {
			return reflect.New(o.goType).Elem()
		}
		return v.Elem()
	}
	return fieldChanges(o, deref(a), deref(b))
}
