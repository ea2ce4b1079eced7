/** The scale-out search backend: an OpenSearch 3 cluster through the opensearch-java client. */
package org.quire.search.opensearch;
