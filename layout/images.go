package layout

// checkImages is filled in by the photo work.
func (d *Document) checkImages() error { return nil }

func (d *Document) quality() int {
	if q := d.Report.Print.Quality; q != nil {
		return int(q.Value)
	}
	return 85
}
