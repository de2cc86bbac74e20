# The warning service's outbox (issue 13 item 4): store/outbox_store.cc and jobs/outbox_drain.cc,
# with the webhook client of ekinerja_http. Included by services/warning/CMakeLists.txt after it
# defines warning_service, whose ekinerja_embed_sql(warning_service warning .../sql) embeds
# sql/V002__outbox.sql and sql/queries_outbox.sql with the rest (so warning_sql.h names the
# outbox's statements). Listing a source the service's own glob already has is harmless: CMake
# compiles a target's source once.
target_sources(warning_service PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../store/outbox_store.cc
  ${CMAKE_CURRENT_LIST_DIR}/outbox_drain.cc)
target_link_libraries(warning_service PUBLIC ekinerja_http)
