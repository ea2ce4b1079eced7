package org.quire.ingest;

import org.quire.model.QuireException;

/** A file that cannot be imported, with the file's name and a reason a person can act on. */
public class IngestException extends QuireException {
  private final String fileName;

  public IngestException(String fileName, String reason) {
    super(fileName + ": " + reason);
    this.fileName = fileName;
  }

  /** The file's name as given to the importer. */
  public String fileName() {
    return fileName;
  }

  /** The reason without the file name. */
  public String reason() {
    return getMessage().substring(fileName.length() + 2);
  }
}
