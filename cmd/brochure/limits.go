package main

import (
	"flag"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/layout"
)

// settings are the limits and permissions of a build, from the flags that
// build, validate and watch share. The zero value is the defaults.
type settings struct {
	data   data.Options
	layout layout.Limits
}

// limitFlags adds the shared flags to fs; the returned function reads
// them into settings after fs.Parse.
func limitFlags(fs *flag.FlagSet) func() settings {
	allow := fs.Bool("allow-outside", false, "let photo, font and data file paths leave the report's folder (absolute paths, \"..\", symlinks, devices); only for reports you trust")
	enc := fs.String("encoding", "utf-8", "the report file's encoding: utf-8, or gbk (GB18030) for a file saved by Chinese Windows")
	inMB := fs.Float64("max-input-mb", data.DefaultMaxInputBytes>>20, "refuse a report file larger than this, in MB")
	dataMB := fs.Float64("max-data-mb", data.DefaultMaxDataBytes>>20, "refuse a chart's data file larger than this, in MB (an .xlsx: its sheets unzipped)")
	bars := fs.Int("max-bars", data.DefaultMaxDataItems, "refuse a chart with more data items (bars, slices) than this")
	pages := fs.Int("max-pages", layout.DefaultMaxPages, "refuse to make a brochure of more pages than this")
	mp := fs.Float64("max-image-mp", layout.DefaultMaxPhotoPixels/1e6, "refuse a photo of more pixels than this, in millions (checked before it is decoded)")
	return func() settings {
		return settings{
			data: data.Options{
				MaxInputBytes: int64(*inMB * (1 << 20)),
				MaxDataBytes:  int64(*dataMB * (1 << 20)),
				MaxDataItems:  *bars,
				AllowOutside:  *allow,
				Encoding:      *enc,
			},
			layout: layout.Limits{MaxPages: *pages, MaxPhotoPixels: int(*mp * 1e6)},
		}
	}
}
