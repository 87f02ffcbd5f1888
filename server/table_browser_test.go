package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTable: a report with tables opens in the editor, a table's
// rows are a grid of cells, and an edited cell is in the new page; a
// paste of rows from a spreadsheet fills the grid.
func TestBrowserTable(t *testing.T) {
	ctx, cancel := browser(t)
	defer cancel()
	dir := t.TempDir()
	for _, name := range []string{"report.yaml", "calls.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "examples", "city-tables-2025", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	_, base := live(t, "report.yaml")
	pageText := `((document.querySelector('.page[data-n="1"] .pagetext')||{}).textContent||'')`
	cell := q("sections[0].tables[0].rows[0][1]")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/?token="+testToken),
		wait(`!!document.querySelector('`+cell+`')`),
		wait(pageText+`.includes('1926')`),
		chromedp.ScrollIntoView(cell, chromedp.ByQuery),
		typeInto(cell, "1999"),
		wait(pageText+`.includes('1999')`),
	); err != nil {
		t.Fatal(err)
	}
	last := q("sections[0].tables[0].rows[15][0]")
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`(()=>{const dt=new DataTransfer(); dt.setData('text/plain','新区\t100\t-1.0%\t90.0%\t10\t+2.0%\r\n');
			document.querySelector('`+last+`').dispatchEvent(new ClipboardEvent('paste',{clipboardData:dt,bubbles:true,cancelable:true})); return true})()`, nil),
		wait(`(document.querySelector('`+last+`')||{}).value==='新区'`),
	); err != nil {
		t.Fatalf("paste: %v", err)
	}
	var saved string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector('`+q("sections[0].tables[0].rows[15][5]")+`').value`, &saved)); err != nil || saved != "+2.0%" {
		t.Errorf("pasted cell = %q (%v)", saved, err)
	}
}
