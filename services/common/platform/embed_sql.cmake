# ekinerja_embed_sql(<target> <name> <dir>): compiles every .sql file under <dir> into <target>
# (sorted by relative path, so V001__ comes before V002__), and puts on <target>'s include path the
# header <name>_sql.h, which declares them and names every statement of its queries*.sql:
#   absl::Span<const ekinerja::EmbeddedFile> ekinerja::embedded::<name>_sql();
#   namespace ekinerja::<name>::sql { inline constexpr db::Query kTenantGet{"tenant_get"}; ... }
# A `-- name:` that is not a lower-case identifier, or is used twice, fails the build. Migrations
# (V*.sql) get no constants.
set(EKINERJA_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_sql_gen.cmake)
function(ekinerja_embed_sql target name dir)
  file(GLOB_RECURSE sql_files CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT sql_files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name}_sql_embedded.cc)
  set(header_dir ${CMAKE_CURRENT_BINARY_DIR}/sql_include)
  set(header ${header_dir}/${name}_sql.h)
  string(REPLACE ";" "|" files_arg "${sql_files}")
  add_custom_command(
    OUTPUT ${out} ${header}
    COMMAND ${CMAKE_COMMAND} -DNAME=${name} -DDIR=${dir} -DOUT=${out} -DHEADER=${header}
      "-DFILES=${files_arg}" -P ${EKINERJA_EMBED_SCRIPT}
    DEPENDS ${sql_files} ${EKINERJA_EMBED_SCRIPT}
    COMMENT "embedding SQL of ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out} ${header})
  target_include_directories(${target} PUBLIC ${header_dir})
endfunction()
