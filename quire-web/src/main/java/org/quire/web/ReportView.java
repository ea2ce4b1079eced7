package org.quire.web;

import org.quire.store.SiteStore;

/**
 * A report of abuse as the keepers' page shows it.
 *
 * @param report the report
 * @param workTitle the reported work's title
 * @param comment the reported comment's words as written (even once hidden), or null
 * @param reporter who reported it
 */
public record ReportView(
    SiteStore.Report report, String workTitle, String reporter, String comment) {}
