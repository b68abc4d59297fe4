"""Reading newspaper pages: decoding files, repairing OCR layout, splitting into articles."""
