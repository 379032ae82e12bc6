// The growth engine in the browser (filled in by a later step).
